package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Its per-step queries in JPQL, as {@link CaseRepository} says why. */
public interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

  @Query("select d from CaseDocument d where d.caseNumber = ?1 order by d.documentDate, d.id")
  List<CaseDocument> findByCaseNumberOrderByDocumentDateAscIdAsc(String caseNumber);

  long countByCaseNumber(String caseNumber);
}
