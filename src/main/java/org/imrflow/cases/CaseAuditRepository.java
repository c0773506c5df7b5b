package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseAuditRepository extends JpaRepository<CaseAuditEntry, Long> {

  List<CaseAuditEntry> findByCaseNumberOrderByIdAsc(String caseNumber);
}
