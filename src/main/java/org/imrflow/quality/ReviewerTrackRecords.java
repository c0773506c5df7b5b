package org.imrflow.quality;

import org.imrflow.cases.CaseRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How many determinations a reviewer has made: before joining the panel, plus those decided here. */
@Component
public class ReviewerTrackRecords {

  private final JdbcTemplate jdbc;
  private final CaseRepository cases;
  private final int countedUpTo;

  /**
   * @param countedUpTo determinations are counted up to this many: the sampling table's thresholds
   *     are below it, and a count that stops here costs the same however many cases the reviewer has
   *     decided (a reviewer whose record before joining reaches it is not counted at all)
   */
  ReviewerTrackRecords(JdbcTemplate jdbc, CaseRepository cases,
      @Value("${imrflow.quality.determinations-counted-up-to:100}") int countedUpTo) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.countedUpTo = countedUpTo;
  }

  public int countedUpTo() {
    return countedUpTo;
  }

  /** The reviewer's determinations other than this case's, up to {@link #countedUpTo()}. */
  public int before(String reviewerId, String caseNumber) {
    Integer prior = jdbc.query("select prior_determinations from reviewer_track_record where user_id = ?",
        rs -> rs.next() ? rs.getInt(1) : 0, reviewerId);
    int before = prior == null ? 0 : prior;
    if (before >= countedUpTo) {
      return countedUpTo;
    }
    return before + (int) cases.countDecidedByReviewerUpTo(reviewerId, caseNumber, countedUpTo - before);
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
