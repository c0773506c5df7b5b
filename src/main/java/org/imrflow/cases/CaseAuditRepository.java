package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Its per-step queries in JPQL, as {@link CaseRepository} says why. */
public interface CaseAuditRepository extends JpaRepository<CaseAuditEntry, Long> {

  @Query("select a from CaseAuditEntry a where a.caseNumber = ?1 order by a.id")
  List<CaseAuditEntry> findByCaseNumberOrderByIdAsc(String caseNumber);
}
