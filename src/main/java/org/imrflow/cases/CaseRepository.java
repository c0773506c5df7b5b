package org.imrflow.cases;

import java.util.List;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The cases, in table {@code imr_case}. */
@Component
public class CaseRepository extends EntityTable<ImrCase, String> {

  public CaseRepository(JdbcTemplate jdbc) {
    super(jdbc, ImrCase.class, "imr_case");
  }

  public List<ImrCase> findByDedupeKeyAndOpenTrue(String dedupeKey) {
    return query("select * from imr_case where dedupe_key = ? and is_open = true", dedupeKey);
  }

  public List<ImrCase> findByDedupeKey(String dedupeKey) {
    return query("select * from imr_case where dedupe_key = ?", dedupeKey);
  }

  /**
   * A reviewer's determinations other than this case's, counted up to {@code limit}: the quality
   * review sampling asks only whether a reviewer is new, so the count reads at most that many rows.
   */
  public long countDecidedByReviewerUpTo(String reviewerId, String caseNumber, int limit) {
    return count("select count(*) from (select 1 from imr_case where reviewer_id = ? and decided_on is not null "
        + "and case_number <> ? fetch first ? rows only) decided", reviewerId, caseNumber, limit);
  }
}
