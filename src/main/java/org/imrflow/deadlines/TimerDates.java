package org.imrflow.deadlines;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.springframework.stereotype.Component;

/**
 * The dates of the case process's deadline timers, read from the case's own deadlines ({@link
 * CaseClocks} sets them) when the engine creates or recalculates a timer:
 * {@code ${timerDates.recordsOverdue(execution)}} in {@code imr-case.bpmn}. Kept on the case only, the
 * deadlines cannot disagree with the timers, and no process variable holds a copy (three rows a case
 * written, deleted and read with every other variable of the process, issue 18). The case is the one
 * the command's transaction already holds. The tasks' due date stays a variable
 * ({@code determinationDueAt}), which managers read in Cockpit.
 */
@Component("timerDates")
public class TimerDates {

  private final Cases cases;
  private final BusinessClock clock;

  TimerDates(Cases cases, BusinessClock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** Records are overdue once their due day has passed. */
  public Date recordsOverdue(DelegateExecution execution) {
    return clock.endOf(required(of(execution).getRecordsDue(), execution, "records due date"));
  }

  /** The determination is at risk from the start of its at-risk day (a fifth of the time left). */
  public Date determinationAtRisk(DelegateExecution execution) {
    return clock.startOf(required(of(execution).getAtRiskOn(), execution, "at-risk day"));
  }

  /** The determination is overdue once its due day has passed. */
  public Date determinationOverdue(DelegateExecution execution) {
    return clock.endOf(required(of(execution).getDeterminationDue(), execution, "determination due date"));
  }

  private ImrCase of(DelegateExecution execution) {
    return cases.get(execution.getProcessBusinessKey());
  }

  private static <T> T required(T value, DelegateExecution execution, String what) {
    if (value == null) {
      throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " has no " + what + " yet");
    }
    return value;
  }
}
