package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * An eligible case now waits for records. The notice of assignment goes out the day the application
 * is screened, which IMRflow does on receipt: records are due counted from the day of receipt,
 * even when the application is keyed in later.
 */
@Component("startRecordsClock")
class StartRecordsClock implements JavaDelegate {

  private final Cases cases;
  private final CaseClocks clocks;
  private final CaseAudit audit;

  StartRecordsClock(Cases cases, CaseClocks clocks, CaseAudit audit) {
    this.cases = cases;
    this.clocks = clocks;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    clocks.startRecordsClock(c, c.getApplicationReceivedOn(), execution);
    c.moveTo(CaseStatus.AWAITING_RECORDS);
    audit.record(c.getCaseNumber(), "RECORDS_REQUESTED", "records due " + c.getRecordsDue());
  }
}
