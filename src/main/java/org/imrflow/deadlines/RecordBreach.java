package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The determination deadline passed. The deadline is directory (a late determination still binds),
 * so the case goes on and a manager is asked to act on it.
 */
@Component("recordBreach")
class RecordBreach implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RecordBreach.class);

  private final Cases cases;

  RecordBreach(Cases cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    CaseProcess.BREACHED_DEADLINE.setLocal(execution, c.getDeterminationDue());
    log.warn("Case {} breached its determination deadline ({})", c.getCaseNumber(), c.getDeterminationDue());
  }
}
