package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries read on every step of a case are written in JPQL: Hibernate caches a JPQL string's
 * translation to SQL, while a derived query (JPA criteria) is translated again on every call (4% of a
 * case's CPU in the benchmark's profile).
 */
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
