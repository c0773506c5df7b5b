package org.imrflow.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseFileDocumentRepository extends JpaRepository<CaseFileDocument, String> {

  List<CaseFileDocument> findByCaseNumberOrderByDocumentDateAscUploadedAtAsc(String caseNumber);

  Optional<CaseFileDocument> findByCaseNumberAndSha256(String caseNumber, String sha256);

  Optional<CaseFileDocument> findByIdAndCaseNumber(String id, String caseNumber);

  /** Documents whose content is still kept, of cases closed on or before {@code closedBy}. */
  @Query("select d from CaseFileDocument d, org.imrflow.cases.ImrCase c where c.caseNumber = d.caseNumber"
      + " and c.open = false and c.closedOn <= ?1 and d.purgedOn is null")
  List<CaseFileDocument> findKeptOfCasesClosedBy(LocalDate closedBy);
}
