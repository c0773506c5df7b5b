package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Queries read on every step of a case are written in JPQL, here and in the case's other
 * repositories: Hibernate caches a JPQL string's translation to SQL, while a derived query (JPA
 * criteria) is translated again on every call (4% of a case's CPU in the benchmark's profile).
 */
public interface CaseRepository extends JpaRepository<ImrCase, String> {

  @Query("select c from ImrCase c where c.dedupeKey = ?1 and c.open = true")
  List<ImrCase> findByDedupeKeyAndOpenTrue(String dedupeKey);

  List<ImrCase> findByDedupeKey(String dedupeKey);

  /** A reviewer's determinations other than this case's: the quality review sampling counts them. */
  @Query("select count(c) from ImrCase c where c.reviewerId = ?1 and c.decidedOn is not null and c.caseNumber <> ?2")
  long countByReviewerIdAndDecidedOnIsNotNullAndCaseNumberNot(String reviewerId, String caseNumber);
}
