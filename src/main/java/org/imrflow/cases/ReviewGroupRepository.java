package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The groups of a case's items each reviewed by one reviewer, in table {@code review_group}. */
@Component
public class ReviewGroupRepository extends EntityTable<ReviewGroup, Long> {

  private final CaseRepository cases;

  public ReviewGroupRepository(JdbcTemplate jdbc, CaseRepository cases) {
    super(jdbc, ReviewGroup.class, "review_group");
    this.cases = cases;
  }

  public List<ReviewGroup> findByCaseNumberOrderByGroupIndex(String caseNumber) {
    return query("select * from review_group where case_number = ? order by group_index", caseNumber);
  }

  public Optional<ReviewGroup> findByCaseNumberAndGroupIndex(String caseNumber, int groupIndex) {
    return queryOne("select * from review_group where case_number = ? and group_index = ?", caseNumber, groupIndex);
  }

  public boolean existsByCaseNumberAndReviewerId(String caseNumber, String reviewerId) {
    return exists("select 1 from review_group where case_number = ? and reviewer_id = ?", caseNumber, reviewerId);
  }

  /** The open cases in which this reviewer reviews a group of items. */
  public List<ImrCase> findOpenCasesOf(String reviewerId) {
    return cases.query("select c.* from imr_case c where c.is_open = true and c.case_number in "
        + "(select g.case_number from review_group g where g.reviewer_id = ?)", reviewerId);
  }

  public void deleteByCaseNumber(String caseNumber) {
    delete("delete from review_group where case_number = ?", g -> caseNumber.equals(g.getCaseNumber()), caseNumber);
  }
}
