package org.imrflow.quality;

import org.imrflow.cases.CaseRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many determinations a reviewer has made: before joining the panel, plus those decided here. */
@Component
public class ReviewerTrackRecords {

  private final JdbcTemplate jdbc;
  private final CaseRepository cases;

  ReviewerTrackRecords(JdbcTemplate jdbc, CaseRepository cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  /**
   * Determinations are counted up to this many: the sampling table's thresholds are far below it (a
   * reviewer's first 10), and a count that stops here costs the same however many cases the reviewer
   * has decided (a seasoned reviewer's cost nothing: their record before joining reaches it).
   */
  public static final int COUNTED_UP_TO = 100;

  /** The reviewer's determinations other than this case's, up to {@link #COUNTED_UP_TO}. */
  public int before(String reviewerId, String caseNumber) {
    Integer prior = jdbc.query("select prior_determinations from reviewer_track_record where user_id = ?",
        rs -> rs.next() ? rs.getInt(1) : 0, reviewerId);
    int before = prior == null ? 0 : prior;
    if (before >= COUNTED_UP_TO) {
      return COUNTED_UP_TO;
    }
    return (int) Math.min(COUNTED_UP_TO,
        before + cases.countDecidedByReviewerUpTo(reviewerId, caseNumber, COUNTED_UP_TO - before));
  }

  /** Records what a reviewer did before joining (onboarding, demo data). */
  public void setPrior(String reviewerId, int priorDeterminations) {
    if (jdbc.update("update reviewer_track_record set prior_determinations = ? where user_id = ?",
        priorDeterminations, reviewerId) == 0) {
      jdbc.update("insert into reviewer_track_record (user_id, prior_determinations) values (?, ?)",
          reviewerId, priorDeterminations);
    }
  }
}
