package org.imrflow.demo;

import org.imrflow.process.CaseProcess;
import org.camunda.bpm.engine.variable.Variables;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.cases.BusinessClock;
import org.imrflow.security.CurrentUser;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.Application;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.imrflow.security.Groups;
import org.imrflow.security.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo data of API.md §2 on a fresh database: users, the demo panel
 * ({@code demo/panel.json}) and, unless switched off, sample cases waiting at every step so that a
 * newcomer who logs in finds real work. Driven through the same services as the API.
 */
@Component
public class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final IdentitySetup identitySetup;
  private final ReviewerPanelService panel;
  private final Intake intake;
  private final Records records;
  private final TaskService tasks;
  private final org.camunda.bpm.engine.RuntimeService runtime;
  private final ManagementService management;
  private final ObjectMapper mapper;
  private final BusinessClock clock;
  private final boolean withCases;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final org.imrflow.quality.ReviewerTrackRecords trackRecords;

  DemoData(IdentityService identity, IdentitySetup identitySetup, ReviewerPanelService panel, Intake intake,
      Records records, TaskService tasks, ManagementService management, ObjectMapper mapper, BusinessClock clock,
      @Value("${imrflow.demo.cases:true}") boolean withCases,
      org.springframework.transaction.PlatformTransactionManager transactionManager,
      org.imrflow.quality.ReviewerTrackRecords trackRecords, org.camunda.bpm.engine.RuntimeService runtime) {
    this.runtime = runtime;
    this.trackRecords = trackRecords;
    this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    this.identity = identity;
    this.identitySetup = identitySetup;
    this.panel = panel;
    this.intake = intake;
    this.records = records;
    this.tasks = tasks;
    this.management = management;
    this.mapper = mapper;
    this.clock = clock;
    this.withCases = withCases;
  }

  /** Loads once: a database that already has the demo users is left as it is. */
  public void loadIfEmpty() {
    if (identity.createUserQuery().userId("coordinator").count() > 0) {
      return;
    }
    List<ReviewerProfile> reviewers = read("demo/panel.json", new TypeReference<>() { });
    // One transaction for the users and the panel: start-up pays one commit, not a hundred.
    transactions.executeWithoutResult(status -> {
      user("demo", "Demo", "Administrator", Groups.ADMIN, Groups.MANAGERS);
      user("coordinator", "Casey", "Coordinator", Groups.COORDINATORS);
      user("manager", "Morgan", "Manager", Groups.MANAGERS);
      user("qa", "Quinn", "Quality", Groups.QUALITY_REVIEWERS);
      for (ReviewerProfile reviewer : reviewers) {
        String[] name = reviewer.name().split(",")[0].split(" ", 2);
        user(reviewer.userId(), name[0], name.length > 1 ? name[1] : "", Groups.REVIEWERS);
        panel.register(reviewer);
      }
      // The demo panel has reviewed before: only overturns, expedited cases and the sample go to quality review.
      Map<String, Integer> trackRecords = read("demo/reviewer-track-records.json", new TypeReference<>() { });
      trackRecords.forEach(this.trackRecords::setPrior);
    });
    log.info("Demo users and a panel of {} reviewers created", reviewers.size());
    if (withCases) {
      loadCases();
    }
  }

  private void loadCases() {
    LocalDate today = clock.today();
    // The seed's case keeps its 2014 dates: complete records, waiting for a reviewer (and long overdue).
    ImrCase seed = apply("seed-pt-exceeds.json", null);
    records(seed, LocalDate.parse("2014-08-12"), true);

    apply("chiro-trial-within.json", today.minusDays(3));
    apply("unsigned-cnc.json", today.minusDays(1));
    // Deferred: the claims administrator disputes liability; a coordinator records when it is resolved.
    apply("liability-disputed.json", today.minusDays(2));

    ImrCase knee = apply("chiro-knee-not-recommended.json", today.minusDays(20));
    records(knee, today.minusDays(5), true);

    ImrCase acupuncture = apply("acupuncture-no-improvement.json", today.minusDays(25));
    records(acupuncture, today.minusDays(18), true);
    assign(acupuncture, "lac-nguyen");

    ImrCase expedited = apply("expedited-two-items.json", today.minusDays(2));
    records(expedited, today.minusDays(1), true);
    assign(expedited, "dr-morales");
    complete(expedited, Element.ATTEST_NO_CONFLICT, "dr-morales", Variables.putValue(CaseProcess.NO_CONFLICT.name(), true));
    // Decided and waiting for user qa: an expedited case always gets a quality review.
    complete(expedited, Element.WRITE_CASE_SUMMARY, "dr-morales", Variables.putValue(CaseProcess.CASE_SUMMARY.name(),
        "The injured worker reports worsening low back pain radiating to the left leg. The treating physician "
            + "certified an imminent and serious threat to the worker's health."));
    complete(expedited, Element.DECIDE_ITEM, "dr-morales", Variables.putValue(CaseProcess.DETERMINATION.name(), "UPHELD")
        .putValue(CaseProcess.IMRO_GUIDELINE.name(), "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.")
        .putValue(CaseProcess.RATIONALE.name(), "The records document no red flag and no objective neurologic deficit, so the requested "
            + "item is not medically necessary at this time."));
    awaitTasks(expedited, Element.QUALITY_REVIEW);

    // Two reviewers: nobody on the panel may decide both a shoulder surgery and a psychological item. The
    // surgeon is assigned to item 1; item 2 waits for the coordinator, whose task says why.
    ImrCase twoReviewers = apply("two-specialties.json", today.minusDays(12));
    records(twoReviewers, today.minusDays(6), true);
    for (Task t : awaitTasks(twoReviewers, Element.ASSIGN_REVIEWER)) {
      if (Integer.valueOf(0).equals(runtime.getVariable(t.getExecutionId(), CaseProcess.REVIEW_GROUP.name()))) {
        as("coordinator", Groups.COORDINATORS, () -> {
          tasks.complete(t.getId(), Variables.putValue(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
          return null;
        });
      }
    }

    ImrCase postsurgical = apply("postsurgical-meniscectomy.json", today.minusDays(30));
    records(postsurgical, today.minusDays(24), true);
    assign(postsurgical, "dr-chen");
    complete(postsurgical, Element.ATTEST_NO_CONFLICT, "dr-chen", Variables.putValue(CaseProcess.NO_CONFLICT.name(), true));
    complete(postsurgical, Element.WRITE_CASE_SUMMARY, "dr-chen", Variables.putValue(CaseProcess.CASE_SUMMARY.name(),
        "The injured worker is a 45 year old who underwent a right knee arthroscopic partial meniscectomy. "
            + "Post-operative physical therapy was requested. Reports of the surgeon and the therapist were provided."));

    ImrCase decided = apply("mail-extension-on-time.json", today.minusDays(40));
    records(decided, today.minusDays(30), true);
    assign(decided, "dr-okafor");
    complete(decided, Element.ATTEST_NO_CONFLICT, "dr-okafor", Variables.putValue(CaseProcess.NO_CONFLICT.name(), true));
    complete(decided, Element.WRITE_CASE_SUMMARY, "dr-okafor", Variables.putValue(CaseProcess.CASE_SUMMARY.name(),
        "The patient is a 21 year old male with an injury date of 12/11/13 and neck and low back pain. Examination "
            + "reveals spasm and tenderness of the paraspinal muscles. Eleven physical therapy visits were completed."));
    // Its draw is outside the quality review's random sample, so that the demo always has a letter out.
    complete(decided, Element.DECIDE_ITEM, "dr-okafor", Variables.putValue(CaseProcess.QA_SAMPLE_DRAW.name(), 99).putValue(CaseProcess.DETERMINATION.name(), "UPHELD")
        .putValue(CaseProcess.IMRO_GUIDELINE.name(), "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.")
        .putValue(CaseProcess.RATIONALE.name(), "MTUS recommends 9-10 visits over 8 weeks for myalgia and myositis. The 8 sessions requested combined "
            + "with the 11 completed exceed what is recommended. Therefore the request is not medically necessary."));
    log.info("Demo cases created at every step of the review");
  }

  private ImrCase apply(String resource, LocalDate receivedOn) {
    JsonNode json = read("demo/" + resource, new TypeReference<JsonNode>() { });
    if (receivedOn != null) {
      long shift = ChronoUnit.DAYS.between(LocalDate.parse(json.get("applicationReceivedOn").asText()), receivedOn);
      shiftDates(json, shift);
    }
    return as("coordinator", Groups.COORDINATORS, () -> intake.apply(mapper.convertValue(json, Application.class)));
  }

  private void records(ImrCase c, LocalDate receivedOn, boolean complete) {
    as("coordinator", Groups.COORDINATORS, () -> records.receive(c.getCaseNumber(), new RecordsReceipt(receivedOn,
        complete, List.of(
            new RecordsReceipt.Document("Primary treating physician progress report (PR-2)", receivedOn.minusDays(20), "Dr. Il"),
            new RecordsReceipt.Document("Utilization review determination", receivedOn.minusDays(14), "West Coast UR Partners"),
            new RecordsReceipt.Document("Physical therapy progress notes", receivedOn.minusDays(10), "Dr. Il")))));
  }

  private void assign(ImrCase c, String reviewerId) {
    complete(c, Element.ASSIGN_REVIEWER, "coordinator", Variables.putValue(CaseProcess.REVIEWER_ID.name(), reviewerId));
  }

  private void complete(ImrCase c, Element task, String userId, Map<String, Object> variables) {
    for (Task t : awaitTasks(c, task)) {
      as(userId, userId.equals("coordinator") ? Groups.COORDINATORS : Groups.REVIEWERS, () -> {
        tasks.complete(t.getId(), variables);
        return null;
      });
    }
  }

  /** The mail steps, left to the job executor so that start-up does not wait for letters to render. */
  private java.util.Set<String> mailJobDefinitions() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    management.createJobDefinitionQuery().activityIdIn(Element.SEND_NOTICE_OF_ASSIGNMENT.id,
            Element.SEND_INELIGIBILITY_NOTICE.id, Element.SEND_RECORDS_REMINDER.id, Element.SEND_FINAL_LETTER.id,
            Element.SEND_TERMINATION_NOTICE.id, Element.WARN_MANAGERS.id)
        .list().forEach(d -> ids.add(d.getId()));
    return ids;
  }

  /** Waits for the case's tasks of this kind, running its due save points meanwhile (not its mail). */
  private List<Task> awaitTasks(ImrCase c, Element task) {
    java.util.Set<String> mail = mailJobDefinitions();
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
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException raced) {
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

  private <T> T as(String userId, String group, java.util.function.Supplier<T> work) {
    CurrentUser.set(new CurrentUser.User(userId, List.of(group)));
    try {
      return work.get();
    } finally {
      CurrentUser.clear();
    }
  }

  private void user(String id, String first, String last, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setPassword(id);
      user.setEmail(id + "@imrflow.example");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
    identitySetup.ensureOwnUserAccess(id);
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

  private <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return mapper.readValue(in, type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
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
