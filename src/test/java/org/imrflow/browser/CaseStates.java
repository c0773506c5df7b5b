package org.imrflow.browser;

import org.imrflow.process.CaseProcess;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess.Element;
import org.springframework.context.ApplicationContext;

/**
 * Puts a case into the state a journey starts from, through the services behind the API, with
 * today's dates: the browser works against the real clock. The job executor is off in tests, so
 * every step runs the case's due jobs itself, as the executor would at once.
 */
final class CaseStates {

  private final Intake intake;
  private final Records records;
  private final Cases cases;
  private final TaskService tasks;
  private final ManagementService management;
  private final BusinessClock clock;

  private CaseStates(Intake intake, Records records, Cases cases, TaskService tasks, ManagementService management,
      BusinessClock clock) {
    this.intake = intake;
    this.records = records;
    this.cases = cases;
    this.tasks = tasks;
    this.management = management;
    this.clock = clock;
  }

  /** The shared test context's services (a browser test asks for one as a parameter, see {@link BrowserExtension}). */
  static CaseStates of(ApplicationContext context) {
    return new CaseStates(context.getBean(Intake.class), context.getBean(Records.class), context.getBean(Cases.class),
        context.getBean(TaskService.class), context.getBean(ManagementService.class), context.getBean(BusinessClock.class));
  }

  LocalDate today() {
    return clock.today();
  }

  /** A sample application received today, screened and waiting for its records. */
  ImrCase applied(String sample) {
    ImrCase c = intake.apply(TestCases.application(TestCases.receivedOn(TestCases.unique(sample), today())));
    runJobs(c);
    return refreshed(c);
  }

  /** Complete medical records received today: the case waits for a reviewer. */
  ImrCase recordsComplete(ImrCase c) {
    records.receive(c.getCaseNumber(), new RecordsReceipt(today(), true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", today().minusDays(3), "Dr. Il"))));
    runJobs(c);
    return refreshed(c);
  }

  /** A sample case assigned to a reviewer, whose attestation is the next task. */
  ImrCase assignedTo(String sample, String reviewerId) {
    ImrCase c = recordsComplete(applied(sample));
    tasks.complete(task(c, Element.ASSIGN_REVIEWER).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), reviewerId));
    runJobs(c);
    return refreshed(c);
  }

  /** The case's one open task of this kind. */
  Task task(ImrCase c, Element element) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKey(element.id).active().list();
    if (open.size() != 1) {
      throw new IllegalStateException("case " + c.getCaseNumber() + " has " + open.size() + " open " + element.id
          + " tasks");
    }
    return open.get(0);
  }

  boolean isOpen(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).count() == 1;
  }

  void runJobs(ImrCase c) {
    Jobs.runDue(management, c.getProcessInstanceId());
  }

  ImrCase refreshed(ImrCase c) {
    return cases.get(c.getCaseNumber());
  }
}
