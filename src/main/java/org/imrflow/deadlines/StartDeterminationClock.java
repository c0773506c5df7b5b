package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/** Records are complete (or a coordinator proceeds without them): the determination clock starts. */
@Component("startDeterminationClock")
class StartDeterminationClock implements JavaDelegate {

  private final Cases cases;
  private final CaseClocks clocks;
  private final BusinessClock clock;

  StartDeterminationClock(Cases cases, CaseClocks clocks, BusinessClock clock) {
    this.cases = cases;
    this.clocks = clocks;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    if (c.getRecordsCompleteOn() == null) {
      c.setRecordsCompleteOn(clock.today());
    }
    clocks.startDeterminationClock(c, c.getRecordsCompleteOn(), execution);
  }
}
