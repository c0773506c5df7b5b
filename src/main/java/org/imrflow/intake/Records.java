package org.imrflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.validation.annotation.Validated;
import org.imrflow.cases.CaseAction;
import jakarta.validation.Validator;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseDocument;
import org.imrflow.cases.CaseDocumentRepository;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.documents.CaseFile;
import org.imrflow.process.CaseProcess;
import org.imrflow.web.ConflictException;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files medical records with a case. Complete records end the wait: the case's process hears of it
 * by message and starts the determination clock from the day of receipt.
 */
@Service
@Validated
public class Records {

  private final Cases cases;
  private final CaseDocumentRepository documents;
  private final CaseAudit audit;
  private final RuntimeService runtime;
  private final CaseFile caseFile;

  Records(Cases cases, CaseDocumentRepository documents, CaseAudit audit, RuntimeService runtime,
      CaseFile caseFile) {
    this.caseFile = caseFile;
    this.cases = cases;
    this.documents = documents;
    this.audit = audit;
    this.runtime = runtime;
  }

  @Transactional
  public ImrCase receive(String caseNumber, @Valid @NotNull RecordsReceipt receipt) {
    ImrCase c = cases.get(caseNumber);
    if (!c.isOpen() || c.getStatus() == CaseStatus.ELIGIBILITY_REVIEW) {
      throw new ConflictException("Case " + caseNumber + " is " + c.getStatus() + ": it takes no records");
    }
    if (receipt.receivedOn().isBefore(c.getApplicationReceivedOn())) {
      throw new InvalidInputException("receivedOn", "must not be before the application was received ("
          + c.getApplicationReceivedOn() + ")");
    }
    caseFile.listInReceipt(caseNumber, receipt.documentIdsOrEmpty(), receipt.receivedOn());
    receipt.documentsOrEmpty().forEach(d -> documents.save(
        new CaseDocument(caseNumber, d.title(), d.date(), d.author(), receipt.receivedOn())));
    boolean completes = Boolean.TRUE.equals(receipt.complete()) && c.getStatus() == CaseStatus.AWAITING_RECORDS;
    audit.record(caseNumber, CaseAction.RECORDS_RECEIVED, receipt.documentsOrEmpty().size() + " document(s) received "
        + (receipt.documentIdsOrEmpty().isEmpty() ? "" : "with " + receipt.documentIdsOrEmpty().size() + " uploaded ")
        + receipt.receivedOn() + (completes ? ", records complete" : ""));
    if (completes) {
      c.setRecordsCompleteOn(receipt.receivedOn());
      runtime.createMessageCorrelation(CaseProcess.MESSAGE_RECORDS_COMPLETE)
          .processInstanceBusinessKey(caseNumber)
          .correlate();
    }
    return c;
  }
}
