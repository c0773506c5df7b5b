package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Its per-step queries in JPQL, as {@link CaseRepository} says why. */
public interface ReviewGroupRepository extends JpaRepository<ReviewGroup, Long> {

  @Query("select g from ReviewGroup g where g.caseNumber = ?1 order by g.groupIndex")
  List<ReviewGroup> findByCaseNumberOrderByGroupIndex(String caseNumber);

  @Query("select g from ReviewGroup g where g.caseNumber = ?1 and g.groupIndex = ?2")
  Optional<ReviewGroup> findByCaseNumberAndGroupIndex(String caseNumber, int groupIndex);

  boolean existsByCaseNumberAndReviewerId(String caseNumber, String reviewerId);

  /** The open cases in which this reviewer reviews a group of items. */
  @Query("select c from ImrCase c where c.open = true and c.caseNumber in "
      + "(select g.caseNumber from ReviewGroup g where g.reviewerId = ?1)")
  List<ImrCase> findOpenCasesOf(String reviewerId);

  void deleteByCaseNumber(String caseNumber);
}
