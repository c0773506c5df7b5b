package org.imrflow.cases;

import java.util.List;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The documents listed on the applications, in table {@code case_document}. */
@Component
public class CaseDocumentRepository extends EntityTable<CaseDocument, Long> {

  public CaseDocumentRepository(JdbcTemplate jdbc) {
    super(jdbc, CaseDocument.class, "case_document");
  }

  public List<CaseDocument> findByCaseNumberOrderByDocumentDateAscIdAsc(String caseNumber) {
    return query("select * from case_document where case_number = ? order by document_date, id", caseNumber);
  }

  public long countByCaseNumber(String caseNumber) {
    return count("select count(*) from case_document where case_number = ?", caseNumber);
  }
}
