package org.imrflow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.imrflow.cases.Application;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.security.CurrentUser;
import org.imrflow.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A demo case taken a step further the way its people would: the coordinator applies, records and
 * assigns through the same services as the API, a reviewer completes their task in the engine.
 */
@Component
class DemoCaseSteps {

  private static final Logger log = LoggerFactory.getLogger(DemoCaseSteps.class);
  private static final String COORDINATOR = "coordinator";

  private final Intake intake;
  private final Records records;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final ObjectMapper mapper;

  DemoCaseSteps(Intake intake, Records records, TaskService tasks, RuntimeService runtime,
      ManagementService management, ObjectMapper mapper) {
    this.intake = intake;
    this.records = records;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.mapper = mapper;
  }

  /** The sample application, its dates moved so that it arrived on that day (null: as written). */
  ImrCase apply(String resource, LocalDate receivedOn) {
    JsonNode json = DemoFiles.read(mapper, resource, new TypeReference<JsonNode>() { });
    if (receivedOn != null) {
      shiftDates(json, ChronoUnit.DAYS.between(LocalDate.parse(json.get("applicationReceivedOn").asText()), receivedOn));
    }
    return as(COORDINATOR, Groups.COORDINATORS, () -> intake.apply(mapper.convertValue(json, Application.class)));
  }

  /** Complete records received on that day: three documents, the usual ones. */
  void recordsComplete(ImrCase c, LocalDate receivedOn) {
    as(COORDINATOR, Groups.COORDINATORS, () -> records.receive(c.getCaseNumber(), new RecordsReceipt(receivedOn,
        true, List.of(
            new RecordsReceipt.Document("Primary treating physician progress report (PR-2)", receivedOn.minusDays(20), "Dr. Il"),
            new RecordsReceipt.Document("Utilization review determination", receivedOn.minusDays(14), "West Coast UR Partners"),
            new RecordsReceipt.Document("Physical therapy progress notes", receivedOn.minusDays(10), "Dr. Il")))));
  }

  void assign(ImrCase c, String reviewerId) {
    complete(c, Element.ASSIGN_REVIEWER, COORDINATOR, Variables.putValue(CaseProcess.REVIEWER_ID.name(), reviewerId));
  }

  /** A case reviewed by several: assigns the reviewer of one group of items and leaves the others waiting. */
  void assignGroup(ImrCase c, int group, String reviewerId) {
    for (Task t : awaitTasks(c, Element.ASSIGN_REVIEWER)) {
      if (Integer.valueOf(group).equals(runtime.getVariable(t.getExecutionId(), CaseProcess.REVIEW_GROUP.name()))) {
        as(COORDINATOR, Groups.COORDINATORS, () -> {
          tasks.complete(t.getId(), Variables.putValue(CaseProcess.REVIEWER_ID.name(), reviewerId));
          return null;
        });
      }
    }
  }

  private void attestNoConflict(ImrCase c, String reviewerId) {
    complete(c, Element.ATTEST_NO_CONFLICT, reviewerId, Variables.putValue(CaseProcess.NO_CONFLICT.name(), true));
  }

  private void writeSummary(ImrCase c, String reviewerId, String summary) {
    complete(c, Element.WRITE_CASE_SUMMARY, reviewerId, Variables.putValue(CaseProcess.CASE_SUMMARY.name(), summary));
  }

  /**
   * A case taken from its application to a written summary: records complete, the reviewer assigned
   * and attested. The items wait for the reviewer's decisions.
   */
  ImrCase summaryWritten(String resource, LocalDate receivedOn, LocalDate recordsOn, String reviewerId, String summary) {
    ImrCase c = apply(resource, receivedOn);
    recordsComplete(c, recordsOn);
    assign(c, reviewerId);
    attestNoConflict(c, reviewerId);
    writeSummary(c, reviewerId, summary);
    return c;
  }

  /** decide-item's form fields for an upheld item. */
  static VariableMap upheld(String guideline, String rationale) {
    return Variables.putValue(CaseProcess.DETERMINATION.name(), "UPHELD")
        .putValue(CaseProcess.IMRO_GUIDELINE.name(), guideline)
        .putValue(CaseProcess.RATIONALE.name(), rationale);
  }

  /** Decides every item of the case alike; the values are decide-item's form fields. */
  void decide(ImrCase c, String reviewerId, Map<String, Object> decision) {
    complete(c, Element.DECIDE_ITEM, reviewerId, decision);
  }

  /** Waits until the case reaches the quality review (its save points run meanwhile). */
  void awaitQualityReview(ImrCase c) {
    awaitTasks(c, Element.QUALITY_REVIEW);
  }

  private void complete(ImrCase c, Element task, String userId, Map<String, Object> variables) {
    for (Task t : awaitTasks(c, task)) {
      as(userId, userId.equals(COORDINATOR) ? Groups.COORDINATORS : Groups.REVIEWERS, () -> {
        tasks.complete(t.getId(), variables);
        return null;
      });
    }
  }

  /** Waits for the case's tasks of this kind, running its due save points meanwhile (not its mail). */
  private List<Task> awaitTasks(ImrCase c, Element task) {
    Set<String> mail = mailJobDefinitions();
    long until = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < until) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(c.getCaseNumber())
          .taskDefinitionKey(task.id).list();
      if (!open.isEmpty()) {
        return open;
      }
      List<Job> jobs = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).executable().list()
          .stream().filter(job -> !mail.contains(job.getJobDefinitionId())).toList();
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | NullValueException raced) {
          // The job executor ran it first.
        } catch (RuntimeException failed) {
          log.warn("Demo case {}: a job failed ({})", c.getCaseNumber(), failed.getClass().getSimpleName());
        }
      }
      if (jobs.isEmpty()) {
        sleep();
      }
    }
    throw new IllegalStateException("Demo case " + c.getCaseNumber() + " never reached " + task.id);
  }

  /** The mail steps, left to the job executor so that start-up does not wait for letters to render. */
  private Set<String> mailJobDefinitions() {
    Set<String> ids = new HashSet<>();
    management.createJobDefinitionQuery().activityIdIn(Element.SEND_NOTICE_OF_ASSIGNMENT.id,
            Element.SEND_INELIGIBILITY_NOTICE.id, Element.SEND_RECORDS_REMINDER.id, Element.SEND_FINAL_LETTER.id,
            Element.SEND_TERMINATION_NOTICE.id, Element.WARN_MANAGERS.id)
        .list().forEach(d -> ids.add(d.getId()));
    return ids;
  }

  private static <T> T as(String userId, String group, Supplier<T> work) {
    CurrentUser.set(new CurrentUser.User(userId, List.of(group)));
    try {
      return work.get();
    } finally {
      CurrentUser.clear();
    }
  }

  /** Moves every date of a sample case by the same number of days, keeping their distances. */
  private static void shiftDates(JsonNode node, long days) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        if (value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
          object.set(field.getKey(), TextNode.valueOf(LocalDate.parse(value.asText()).plusDays(days).toString()));
        } else {
          shiftDates(value, days);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> shiftDates(child, days));
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
