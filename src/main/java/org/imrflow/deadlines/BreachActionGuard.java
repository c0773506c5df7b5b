package org.imrflow.deadlines;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.springframework.stereotype.Component;

/** Completing {@code expedite-overdue-case}: the manager says what was done about the breach. */
@Component("breachActionGuard")
class BreachActionGuard implements TaskListener {



  BreachActionGuard() {
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    input.text(CaseProcess.ACTION_TAKEN, 2000);
    input.check();
  }
}
