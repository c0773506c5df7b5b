package org.imrflow.intake;

import org.imrflow.cases.CaseAction;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseDocumentRepository;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.springframework.stereotype.Component;

/**
 * Completing {@code chase-overdue-records} proceeds to review with the records received so far,
 * which must be some: a determination is never made on the UR decision alone (8 CCR 9792.10.6(b)(2)).
 */
@Component("overdueRecordsGuard")
class OverdueRecordsGuard implements TaskListener {

  private final CaseDocumentRepository documents;
  private final CaseAudit audit;

  OverdueRecordsGuard(CaseDocumentRepository documents, CaseAudit audit) {
    this.documents = documents;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseProcess.CASE_NUMBER.from(task);
    TaskInput input = TaskInput.of(task);
    long received = documents.countByCaseNumber(caseNumber);
    if (received == 0) {
      input.refuse("no records have been received for case " + caseNumber
          + ": a determination is never made on the UR decision alone; keep chasing the records");
    }
    input.check();
    audit.record(caseNumber, CaseAction.PROCEEDED_WITHOUT_COMPLETE_RECORDS, received + " document(s) on file");
  }
}
