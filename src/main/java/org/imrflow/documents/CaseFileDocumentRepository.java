package org.imrflow.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The records in the cases' files, in table {@code case_file_document}. */
@Component
class CaseFileDocumentRepository extends EntityTable<CaseFileDocument, String> {

  CaseFileDocumentRepository(JdbcTemplate jdbc) {
    super(jdbc, CaseFileDocument.class, "case_file_document");
  }

  List<CaseFileDocument> findByCaseNumberOrderByDocumentDateAscUploadedAtAsc(String caseNumber) {
    return query("select * from case_file_document where case_number = ? order by document_date, uploaded_at",
        caseNumber);
  }

  Optional<CaseFileDocument> findByCaseNumberAndSha256(String caseNumber, String sha256) {
    return queryOne("select * from case_file_document where case_number = ? and sha256 = ?", caseNumber, sha256);
  }

  Optional<CaseFileDocument> findByIdAndCaseNumber(String id, String caseNumber) {
    return queryOne("select * from case_file_document where id = ? and case_number = ?", id, caseNumber);
  }

  /** Documents whose content is still kept, of cases closed on or before {@code closedBy}. */
  List<CaseFileDocument> findKeptOfCasesClosedBy(LocalDate closedBy) {
    return query("select d.* from case_file_document d join imr_case c on c.case_number = d.case_number"
        + " where c.is_open = false and c.closed_on <= ? and d.purged_on is null", closedBy);
  }
}
