package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.CaseAudit;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.ProcessVariable;
import org.imrflow.process.TaskInput;
import org.springframework.stereotype.Component;

/** Completing {@code expedite-overdue-case}: the manager says what was done about the breach. */
@Component("breachActionGuard")
class BreachActionGuard implements TaskListener {

  static final ProcessVariable<Object> ACTION_TAKEN = ProcessVariable.of("actionTaken", Object.class);

  private final CaseAudit audit;

  BreachActionGuard(CaseAudit audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String action = input.text(ACTION_TAKEN, 2000);
    input.check();
    audit.record(CaseProcess.CASE_NUMBER.from(task), "BREACH_HANDLED", "manager " + task.getAssignee()
        + " recorded the action taken (" + action.length() + " characters)");
  }
}
