package org.imrflow.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A reviewer's determinations as the quality review sampling counts them: up to a bound. */
@IntegrationTest
class ReviewerTrackRecordsTest {

  @Autowired ReviewerTrackRecords trackRecords;
  @Autowired JdbcTemplate jdbc;

  private final String reviewer = "dr-track-" + UUID.randomUUID().toString().substring(0, 8);
  private final String prefix = "CM98-" + UUID.randomUUID().toString().substring(0, 5) + "-";

  @AfterEach
  void removeTheCases() {
    jdbc.update("delete from imr_case where case_number like ?", prefix + "%");
    jdbc.update("delete from reviewer_track_record where user_id = ?", reviewer);
  }

  @Test
  void theRecordBeforeJoiningAndTheCasesDecidedHereCountButNotThisCaseOrUndecidedOnes() {
    decided(3);
    undecided(2);
    trackRecords.setPrior(reviewer, 4);

    assertThat(trackRecords.before(reviewer, prefix + 0)).isEqualTo(4 + 2);
    assertThat(trackRecords.before(reviewer, "CM98-other")).isEqualTo(4 + 3);
    assertThat(trackRecords.before("dr-nobody", "CM98-other")).isZero();
  }

  @Test
  void theCountStopsAtItsBoundWhateverTheReviewerDecided() {
    decided(trackRecords.countedUpTo() + 5);
    assertThat(trackRecords.before(reviewer, "CM98-other")).isEqualTo(trackRecords.countedUpTo());

    trackRecords.setPrior(reviewer, trackRecords.countedUpTo() - 1);
    assertThat(trackRecords.before(reviewer, "CM98-other")).isEqualTo(trackRecords.countedUpTo());

    // Still new to the sampling table: nine before, one decided here.
    jdbc.update("delete from imr_case where case_number like ?", prefix + "%");
    decided(1);
    trackRecords.setPrior(reviewer, 9);
    assertThat(trackRecords.before(reviewer, "CM98-other")).isEqualTo(10);
  }

  private void decided(int count) {
    insert(count, "current_date");
  }

  private void undecided(int count) {
    insert(count, "null");
  }

  private void insert(int count, String decidedOn) {
    int first = jdbc.queryForObject("select count(*) from imr_case where case_number like ?", Integer.class,
        prefix + "%");
    for (int i = first; i < first + count; i++) {
      jdbc.update("insert into imr_case (case_number, status, is_open, expedited, application_received_on, "
          + "ur_decision_date, dedupe_key, application, created_at, version, reviewer_id, decided_on) values (?, 'LETTER_SENT', false, "
          + "false, current_date, current_date, ?, '{}', current_timestamp, 0, ?, " + decidedOn + ")",
          prefix + i, "dedupe-" + prefix + i, reviewer);
    }
  }
}
