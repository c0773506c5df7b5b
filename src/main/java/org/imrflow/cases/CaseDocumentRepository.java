package org.imrflow.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

  List<CaseDocument> findByCaseNumberOrderByDocumentDateAscIdAsc(String caseNumber);

  long countByCaseNumber(String caseNumber);
}
