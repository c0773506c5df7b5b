package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * An eligible case now waits for records. The case is assigned to the review organization the day
 * it is screened eligible, the date of the notice of assignment (the letters' "Date Assigned"), and
 * records are due counted from that day: an application keyed in late is not asked for records by a
 * date already past (8 CCR 9792.10.5).
 */
@Component("startRecordsClock")
class StartRecordsClock implements JavaDelegate {

  private final Cases cases;
  private final CaseClocks clocks;
  private final BusinessClock clock;

  StartRecordsClock(Cases cases, CaseClocks clocks, BusinessClock clock) {
    this.clock = clock;
    this.cases = cases;
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    clocks.startRecordsClock(c, clock.today());
  }
}
