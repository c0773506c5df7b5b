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

  /** The reviewer's determinations other than this case's. */
  public int before(String reviewerId, String caseNumber) {
    Integer prior = jdbc.query("select prior_determinations from reviewer_track_record where user_id = ?",
        rs -> rs.next() ? rs.getInt(1) : 0, reviewerId);
    long here = cases.countByReviewerIdAndDecidedOnIsNotNullAndCaseNumberNot(reviewerId, caseNumber);
    return (int) Math.min(Integer.MAX_VALUE, (prior == null ? 0 : prior) + here);
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
