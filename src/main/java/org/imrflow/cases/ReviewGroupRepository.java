package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReviewGroupRepository extends JpaRepository<ReviewGroup, Long> {

  List<ReviewGroup> findByCaseNumberOrderByGroupIndex(String caseNumber);

  Optional<ReviewGroup> findByCaseNumberAndGroupIndex(String caseNumber, int groupIndex);

  boolean existsByCaseNumberAndReviewerId(String caseNumber, String reviewerId);

  /** The open cases in which this reviewer reviews a group of items. */
  @Query("select c from ImrCase c where c.open = true and c.caseNumber in "
      + "(select g.caseNumber from ReviewGroup g where g.reviewerId = ?1)")
  List<ImrCase> findOpenCasesOf(String reviewerId);

  void deleteByCaseNumber(String caseNumber);
}
