package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseRepository extends JpaRepository<ImrCase, String> {

  List<ImrCase> findByDedupeKeyAndOpenTrue(String dedupeKey);

  List<ImrCase> findByDedupeKey(String dedupeKey);

  /** A reviewer's determinations other than this case's: the quality review sampling counts them. */
  long countByReviewerIdAndDecidedOnIsNotNullAndCaseNumberNot(String reviewerId, String caseNumber);
}
