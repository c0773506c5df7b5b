package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.Privileged;
import org.springframework.stereotype.Component;

/**
 * The treating physician certified an imminent and serious threat: the review becomes expedited.
 * Records still awaited become due on the expedited schedule (never later than before); a review
 * under way restarts its clock on the expedited schedule from the certification. The case's
 * timers and task due dates move with it.
 */
@Component("recomputeDeadlines")
class RecomputeDeadlines implements JavaDelegate {

  private final Cases cases;
  private final CaseClocks clocks;
  private final ManagementService management;
  private final TaskService tasks;

  RecomputeDeadlines(Cases cases, CaseClocks clocks, ManagementService management,
      TaskService tasks) {
    this.cases = cases;
    this.clocks = clocks;
    this.management = management;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    LocalDate certifiedOn = CaseProcess.CERTIFIED_ON.from(execution);
    c.setExpedited(true);
    DelegateExecution process = execution.getProcessInstance();
    if (c.getStatus() == CaseStatus.AWAITING_RECORDS) {
      clocks.expediteRecordsClock(c, certifiedOn);
    } else {
      clocks.startDeterminationClock(c, certifiedOn, process);
    }
    // The timers recalculated from the case's new deadlines (TimerDates reads the case as this transaction changed it).
    Privileged.run(() -> {
      List<Job> timers = management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers().list();
      timers.forEach(timer -> management.recalculateJobDuedate(timer.getId(), false));
      if (c.getStatus() != CaseStatus.AWAITING_RECORDS) {
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
          if (!CaseProcess.Element.EXPEDITE_OVERDUE_CASE.id.equals(task.getTaskDefinitionKey())) {
            task.setDueDate(CaseProcess.DETERMINATION_DUE_AT.from(process));
            tasks.saveTask(task);
          }
        }
      }
    });
  }
}
