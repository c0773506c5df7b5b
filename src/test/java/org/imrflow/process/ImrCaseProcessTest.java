package org.imrflow.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.Spin;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseAuditEntry;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.Determination;
import org.imrflow.cases.ImrCase;
import org.imrflow.deadlines.CaseEvents;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.letters.LetterType;
import org.imrflow.letters.Letters;
import org.imrflow.mail.EmbeddedMailServer;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.reviewers.ReviewerCandidates;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.imrflow.web.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of {@code imr-case}, driven through the engine (never mocked) with the job executor
 * off: each test runs the save points and timers itself after moving the engine clock.
 */
@IntegrationTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
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
  @Autowired CaseEvents caseEvents;
  @Autowired CaseItemRepository items;
  @Autowired CaseAudit audit;
  @Autowired org.imrflow.process.TaskFormViews views;

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
    Assertions.assertThat(letter).contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Upheld")
        .doesNotContain("must authorize the Overturned item(s) by");
    Assertions.assertThat(received(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).hasSize(4);
  }

  // ---- business days (8 CCR 9792.10.4, 9792.10.7; DOMAIN.md §1.7) ----

  @Test
  void theNoticeOfAssignmentIsDueOneBusinessDayAfterEligibilityAndALateOneIsAudited() {
    // Monday August 4, 2014, mailed the same day: due Tuesday, on time.
    ImrCase onTime = apply(TestCases.unique("seed-pt-exceeds"));
    Assertions.assertThat(cases.get(onTime.getCaseNumber()).getNoticeDueOn()).isEqualTo(LocalDate.of(2014, 8, 5));
    run(instance(onTime));
    Assertions.assertThat(noticeSentOn(onTime)).isEqualTo(LocalDate.of(2014, 8, 4));
    Assertions.assertThat(auditActions(onTime)).doesNotContain("NOTICE_OF_ASSIGNMENT_LATE");

    // Eligible on the Wednesday before Thanksgiving: due the Monday after; mailed on Tuesday, late.
    EngineClock.setTo(LocalDate.of(2026, 11, 25));
    ImrCase late = apply(TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), LocalDate.of(2026, 11, 24)));
    Assertions.assertThat(cases.get(late.getCaseNumber()).getNoticeDueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    Assertions.assertThat(noticeSentOn(late)).isNull();
    EngineClock.setTo(LocalDate.of(2026, 12, 1));
    run(instance(late));
    Assertions.assertThat(noticeSentOn(late)).isEqualTo(LocalDate.of(2026, 12, 1));
    Assertions.assertThat(audit.of(late.getCaseNumber())).filteredOn(e -> e.getAction().equals("NOTICE_OF_ASSIGNMENT_LATE"))
        .singleElement().extracting(CaseAuditEntry::getDetail)
        .isEqualTo("NOARFI went out on 2026-12-01, due 2026-11-30 (1 business day after eligibility, 8 CCR 9792.10.4)");
  }

  @ParameterizedTest(name = "letter of {1}: authorize by {2}")
  @CsvSource({
      // Wednesday before Thanksgiving: Thursday and Friday are holidays, five working days end Friday December 4.
      "2026-11-02, 2026-11-25, 12/04/2026",
      // Wednesday before Christmas: Thursday 24, (Christmas), Monday 28 to Thursday 31.
      "2026-12-01, 2026-12-23, 12/31/2026"})
  void anOverturnLetterStatesTheWorkingDayByWhichToAuthorize(LocalDate received, LocalDate letterDay, String authorizeBy) {
    EngineClock.setTo(received);
    ImrCase c = apply(TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), received));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, received);
    reviewAndDecide(pi, "dr-okafor", "OVERTURNED");
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    EngineClock.setTo(letterDay);
    complete(task(Element.QUALITY_REVIEW.id, pi),
        withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED", CaseProcess.QA_RETURNED_ITEMS.name(), "[]"));
    run(pi);
    assertThat(pi).isEnded();
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text()
        .replaceAll("\\s+", " ");
    Assertions.assertThat(letter).contains("The claims administrator must authorize the Overturned item(s) by "
        + authorizeBy + ": 5 working days (Monday to Friday except California state holidays) counted from the date"
        + " of this letter, " + org.imrflow.cases.UsDates.format(letterDay) + ".");
  }

  @Test
  void aDisputeOverFormularyDrugsOnlyIsDueInFiveWorkingDaysAndAMixedOneInThirtyDays() {
    // Records complete on the Wednesday before Thanksgiving 2026.
    LocalDate records = LocalDate.of(2026, 11, 25);
    EngineClock.setTo(records);
    ObjectNode formulary = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), LocalDate.of(2026, 11, 20));
    firstItem(formulary).put("formulary", true);
    Assertions.assertThat(determinationDue(formulary, records)).isEqualTo(LocalDate.of(2026, 12, 4));

    ObjectNode mixed = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), LocalDate.of(2026, 11, 20));
    firstItem(mixed).put("formulary", true);
    ((ArrayNode) mixed.get("disputedItems"))
        .add(firstItem(mixed).deepCopy().put("description", "Massage 6 sessions").put("formulary", false));
    Assertions.assertThat(determinationDue(mixed, records)).isEqualTo(LocalDate.of(2026, 12, 25));

    // Before the MTUS drug formulary (2018), a formulary drug dispute had the regular 30 days.
    EngineClock.setTo(LocalDate.of(2017, 12, 28));
    ObjectNode before2018 = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), LocalDate.of(2017, 12, 28));
    firstItem(before2018).put("formulary", true);
    Assertions.assertThat(determinationDue(before2018, LocalDate.of(2017, 12, 28))).isEqualTo(LocalDate.of(2018, 1, 27));
  }

  private static ObjectNode firstItem(ObjectNode application) {
    return (ObjectNode) application.get("disputedItems").get(0);
  }

  /** The determination due day of the application's case, its complete records received on that day. */
  private LocalDate determinationDue(ObjectNode application, LocalDate recordsOn) {
    ImrCase c = apply(application);
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, recordsOn);
    assertThat(pi).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    return cases.get(c.getCaseNumber()).getDeterminationDue();
  }

  // ---- a deferred review ----

  @Test
  void disputedLiabilityDefersTheReviewUntilACoordinatorRecordsItResolved() {
    ObjectNode json = TestCases.unique("seed-pt-exceeds");
    json.put("liabilityDisputed", true).put("liabilityDisputeReason", "AOE/COE denied");
    ImrCase c = apply(json);
    ProcessInstance pi = instance(c);
    assertThat(pi).hasPassed(Element.SCREEN_ELIGIBILITY.id).isWaitingAt(Element.RECORD_LIABILITY_RESOLVED.id)
        .hasNotPassed(Element.START_RECORDS_CLOCK.id);
    ImrCase deferred = cases.get(c.getCaseNumber());
    Assertions.assertThat(deferred.getStatus()).isEqualTo(CaseStatus.DEFERRED);
    Assertions.assertThat(deferred.isOpen()).isTrue();
    Assertions.assertThat(deferred.getDeferredBecause()).isEqualTo("AOE/COE denied");
    Assertions.assertThat(deferred.getRecordsDue()).isNull();
    assertThat(task(pi)).hasCandidateGroup("coordinators");

    // Not in the future, not before the application: refused, and the case stays deferred.
    Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(CaseProcess.LIABILITY_RESOLVED_ON.name(), "2014-08-05")))
        .hasMessageContaining("must not be in the future");
    Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(CaseProcess.LIABILITY_RESOLVED_ON.name(), "2014-07-31")))
        .hasMessageContaining("must not be before the application was received");
    Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(CaseProcess.LIABILITY_RESOLVED_ON.name(), "soon")))
        .hasMessageContaining("must be a date");
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.DEFERRED);

    complete(task(pi), withVariables(CaseProcess.LIABILITY_RESOLVED_ON.name(), "2014-08-04"));
    assertThat(pi).hasPassed(Element.RECORD_LIABILITY_RESOLVED.id, Element.START_RECORDS_CLOCK.id)
        .isWaitingAt(Element.SEND_NOTICE_OF_ASSIGNMENT.id, Element.RECORDS_DUE.id);
    ImrCase resumed = cases.get(c.getCaseNumber());
    Assertions.assertThat(resumed.getStatus()).isEqualTo(CaseStatus.AWAITING_RECORDS);
    Assertions.assertThat(resumed.getDeferredBecause()).isNull();
    Assertions.assertThat(auditActions(c)).containsSubsequence("SCREENED", "DEFERRED", "LIABILITY_RESOLVED", "SCREENED",
        "RECORDS_REQUESTED");
  }

  @Test
  void liabilityDisputedOnAnIneligibleApplicationEndsItAsIneligible() {
    EngineClock.setTo(LocalDate.of(2024, 4, 8));
    ObjectNode json = TestCases.unique("late-application");
    json.put("liabilityDisputed", true);
    ImrCase c = apply(json);
    assertThat(instance(c)).isWaitingAt(Element.SEND_INELIGIBILITY_NOTICE.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.INELIGIBLE);
  }

  // ---- a reviewer who no longer qualifies ----

  @Test
  void aReviewerWhoseLicenseLapsedBeforeAttestingHandsTheCaseBackToAssignment() {
    String newcomer = newReviewer();
    ImrCase c = assignedTo(newcomer);
    ProcessInstance pi = instance(c);
    expireLicenses(newcomer);

    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), true));
    run(pi);
    assertThat(pi).isWaitingAt(Element.ASSIGN_REVIEWER.id).hasNotPassed(Element.WRITE_CASE_SUMMARY.id);
    ImrCase back = cases.get(c.getCaseNumber());
    Assertions.assertThat(back.getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);
    Assertions.assertThat(back.getReviewerId()).isNull();
    Assertions.assertThat(auditActions(c)).containsSubsequence("ASSIGNED", "REVIEWER_NO_LONGER_QUALIFIED")
        .doesNotContain("ATTESTED");
    Assertions.assertThat(audit.of(c.getCaseNumber()).stream().map(CaseAuditEntry::getDetail))
        .anyMatch(d -> d.contains("LICENSE_EXPIRED"));
  }

  @Test
  void aReviewerWhoseLicenseLapsedBeforeDecidingDecidesNothingAndANewReviewerDecidesEveryItem() throws Exception {
    String newcomer = newReviewer();
    ImrCase c = assignedTo(newcomer);
    ProcessInstance pi = instance(c);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), true));
    run(pi);
    complete(task(Element.WRITE_CASE_SUMMARY.id, pi), withVariables(CaseProcess.CASE_SUMMARY.name(), "A summary."));
    run(pi);
    expireLicenses(newcomer);

    complete(task(Element.DECIDE_ITEM.id, pi), withVariables(CaseProcess.DETERMINATION.name(), "OVERTURNED",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "Within the guideline."));
    run(pi);
    assertThat(pi).hasPassed(Element.REVIEWER_LAPSED.id, Element.REVIEWER_NO_LONGER_QUALIFIED.id)
        .isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).noneMatch(CaseItem::isDecided);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);

    reviewAndDecide(pi, "dr-okafor", "UPHELD");
    assertThat(pi).isEnded().hasPassed(Element.FINAL_LETTER_SENT.id);
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()))
        .allMatch(i -> "dr-okafor".equals(i.getDecidedBy()));
  }

  @Test
  void aConflictFoundByAPanelUpdateSendsTheCaseBackToAssignmentAtOnceWithoutThatReviewer() {
    String newcomer = newReviewer();
    ImrCase c = assignedTo(newcomer);
    ProcessInstance pi = instance(c);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), true));
    run(pi);
    assertThat(pi).isWaitingAt(Element.WRITE_CASE_SUMMARY.id);

    // The reviewer's new affiliation: the employer, under another id scheme and with its suffix.
    updateProfile(newcomer, profile -> profile.withArray("affiliations").addObject()
        .put("kind", "EMPLOYER").put("id", "EDD-1234").put("name", "Sunrise Packing"));

    assertThat(pi).hasPassed(Element.CONFLICT_FOUND_AT_SUMMARY.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    ImrCase back = cases.get(c.getCaseNumber());
    Assertions.assertThat(back.getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);
    Assertions.assertThat(back.getReviewerId()).isNull();
    Assertions.assertThat(back.declinedReviewerList()).contains(newcomer);
    Assertions.assertThat(auditActions(c)).containsSubsequence("ATTESTED", "CONFLICT_FOUND");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(newcomer).count()).isZero();
  }

  // ---- a case that needs two reviewers ----

  @Test
  void aCaseNoSingleReviewerMayDecideGetsOneReviewerPerGroupOfItemsAndOneLetter() throws Exception {
    ImrCase c = apply(TestCases.unique("two-specialties"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    assertThat(pi).hasPassed(Element.GROUP_ITEMS_BY_REVIEWER.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(runtime.getVariable(pi.getId(), CaseProcess.REVIEW_GROUPS.name())).isEqualTo("0,1");
    Task surgery = groupTask(pi, Element.ASSIGN_REVIEWER, 0);
    Task psychology = groupTask(pi, Element.ASSIGN_REVIEWER, 1);
    // The coordinator sees why there are two assignments, and each dropdown offers only that group's specialists.
    Assertions.assertThat((String) view(surgery.getId(), CaseProcess.SCREENING_SUMMARY.name()))
        .startsWith("No single eligible reviewer may decide every item of this case: it needs 2 reviewers. "
            + "This task assigns reviewer 1 of 2, for item 1.");
    Assertions.assertThat(view(surgery.getId(), CaseProcess.REVIEWER_OPTIONS.name()).toString())
        .contains("dr-chen").doesNotContain("dr-kim");
    Assertions.assertThat(view(psychology.getId(), CaseProcess.REVIEWER_OPTIONS.name()).toString())
        .contains("dr-kim").doesNotContain("dr-chen");
    Assertions.assertThatThrownBy(() -> tasks.complete(surgery.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-kim")))
        .hasMessageContaining("not eligible");

    tasks.complete(surgery.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    tasks.complete(psychology.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-kim"));
    run(pi);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.ATTEST_NO_CONFLICT.id)
        .list()).extracting(Task::getAssignee).containsExactlyInAnyOrder("dr-chen", "dr-kim");
    Assertions.assertThat(cases.get(c.getCaseNumber()).getReviewerId()).isEqualTo("dr-chen");
    decideGroup(pi, "dr-chen", "The worker has right shoulder pain despite six months of conservative care.", "OVERTURNED");
    // The surgeon's part is done while the psychologist has not yet attested.
    assertThat(pi).hasPassed(Element.GROUP_REVIEWED.id).isWaitingAt(Element.ATTEST_NO_CONFLICT.id);
    decideGroup(pi, "dr-kim", "The worker reports low mood since the injury; no psychological evaluation is on file.", "UPHELD");
    approveIfPicked(pi);

    assertThat(pi).isEnded().hasPassed(Element.REVIEW_BY_REVIEWER.id, Element.SEND_FINAL_LETTER.id);
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).extracting(CaseItem::getDecidedBy)
        .containsExactly("dr-chen", "dr-kim");
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text()
        .replaceAll("\\s+", " ");
    Assertions.assertThat(letter).contains("Expert Reviewer 1 (item 1):", "Expert Reviewer 2 (item 2):",
        "Decided by: Expert Reviewer 1 (State(s) of Licensure: California; Certification(s)/Specialty: Orthopedic Surgery",
        "Decided by: Expert Reviewer 2 (State(s) of Licensure: California; Certification(s)/Specialty: Psychology",
        "six months of conservative care", "no psychological evaluation is on file")
        .doesNotContainIgnoringCase("chen").doesNotContainIgnoringCase("kim");
    Assertions.assertThat(received(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).hasSize(4);
  }

  @Test
  void aQualityReviewReturnsAnItemToItsOwnReviewerOnlyAndAConflictFoundThenSendsOnlyTheirItemsBack() {
    ImrCase c = apply(TestCases.unique("two-specialties"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    runtime.setVariable(pi.getId(), CaseProcess.QA_SAMPLE_DRAW.name(), 0);
    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 0).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    String psychologist = newReviewer("dr-kim");
    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 1).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), psychologist));
    run(pi);
    decideGroup(pi, "dr-chen", "Six months of conservative care.", "OVERTURNED");
    decideGroup(pi, psychologist, "Low mood since the injury.", "UPHELD");
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);

    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "RETURNED",
        CaseProcess.QA_COMMENTS.name(), "Item 2: say which guideline supports the decision.",
        CaseProcess.QA_RETURNED_ITEMS.name(), Spin.JSON("[1]")));
    run(pi);
    assertThat(pi).hasPassed(Element.NOTHING_TO_DECIDE.id).isWaitingAt(Element.DECIDE_ITEM.id)
        .hasNotPassed(Element.CONFLICT_FOUND_AT_QUALITY_REVIEW.id);
    Task redo = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).singleResult();
    assertThat(redo).isAssignedTo(psychologist);
    decideGroup(pi, psychologist, null, "UPHELD");
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);

    // The psychologist's new affiliation: the claims administrator. Only their item goes back.
    updateProfile(psychologist, profile -> profile.withArray("affiliations").addObject()
        .put("kind", "CLAIMS_ADMINISTRATOR").put("name", "Golden State Claims Services, Inc."));
    run(pi);
    assertThat(pi).hasPassed(Element.CONFLICT_FOUND_AT_QUALITY_REVIEW.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    ImrCase back = cases.get(c.getCaseNumber());
    Assertions.assertThat(back.getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);
    Assertions.assertThat(back.getDecidedOn()).isNull();
    Assertions.assertThat(back.declinedReviewerList()).contains(psychologist);
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).extracting(CaseItem::getDecidedBy)
        .containsExactly("dr-chen", null);
    Assertions.assertThat(groupTask(pi, Element.ASSIGN_REVIEWER, 1)).isNotNull();
    Assertions.assertThat(auditActions(c)).containsSubsequence("QA_RETURNED", "DECIDED", "QA_OPENED", "CONFLICT_FOUND");

    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 1).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-kim"));
    run(pi);
    decideGroup(pi, "dr-kim", "Low mood since the injury; a psychological evaluation comes first.", "UPHELD");
    approveIfPicked(pi);
    assertThat(pi).isEnded();
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).extracting(CaseItem::getDecidedBy)
        .containsExactly("dr-chen", "dr-kim");
  }

  @Test
  void aConflictFoundWhileTheReviewerDecidesUndoesTheirDecisionsAndSendsTheItemsBack() {
    EngineClock.setTo(LocalDate.of(2024, 3, 4));
    ImrCase c = apply(TestCases.unique("expedited-two-items"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2024, 3, 4));
    String reviewer = newReviewer("dr-morales");
    assignAttestAndSummarize(pi, reviewer, "Low back pain.");
    Task one = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list().get(0);
    tasks.complete(one.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "Not needed now."));
    run(pi);

    updateProfile(reviewer, profile -> profile.withArray("affiliations").addObject().put("kind", "EMPLOYER").put("name", "Sunrise Packing"));
    run(pi);

    assertThat(pi).hasPassed(Element.CONFLICT_FOUND_AT_DECISION.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id)
        .count()).isZero();
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).extracting(CaseItem::getDecidedBy)
        .containsOnlyNulls();
    Assertions.assertThat(cases.get(c.getCaseNumber()).declinedReviewerList()).contains(reviewer);
    Assertions.assertThat(auditActions(c)).containsSubsequence("DECIDED", "CONFLICT_FOUND");
  }

  @Test
  void anItemAuthorizedWhileItsReviewerIsBeingAssignedIsNotDecided() {
    ImrCase c = apply(TestCases.unique("two-specialties"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 1).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-kim"));
    run(pi);
    caseEvents.terminate(c.getCaseNumber(), new CaseEvents.Terminate("TREATMENT_AUTHORIZED",
        LocalDate.of(2014, 8, 4), List.of(1)));
    decideGroup(pi, "dr-kim", "Low mood since the injury.", "UPHELD");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("dr-kim").count()).isZero();
    assertThat(pi).hasPassed(Element.GROUP_REVIEWED.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);

    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 0).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    run(pi);
    decideGroup(pi, "dr-chen", "Six months of conservative care.", "OVERTURNED");
    approveIfPicked(pi);
    assertThat(pi).isEnded();
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text();
    Assertions.assertThat(letter).contains("Authorized by the claims administrator");
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).extracting(CaseItem::getDecidedBy)
        .containsExactly("dr-chen", null);
  }

  @Test
  void aConflictFoundForOneOfTwoReviewersLeavesTheOtherAtWork() {
    ImrCase c = apply(TestCases.unique("two-specialties"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    String surgeon = newReviewer("dr-chen");
    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 0).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), surgeon));
    tasks.complete(groupTask(pi, Element.ASSIGN_REVIEWER, 1).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-kim"));
    run(pi);

    updateProfile(surgeon, profile -> profile.withArray("affiliations").addObject().put("kind", "EMPLOYER").put("name", "Sunrise Packing"));
    run(pi);
    assertThat(pi).hasPassed(Element.CONFLICT_FOUND_AT_ATTESTATION.id);
    Assertions.assertThat(groupTask(pi, Element.ASSIGN_REVIEWER, 0)).isNotNull();
    assertThat(groupTask(pi, Element.ATTEST_NO_CONFLICT, 1)).isAssignedTo("dr-kim");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee(surgeon).count()).isZero();
    Assertions.assertThat(cases.get(c.getCaseNumber()).getReviewerId()).isNull();
  }

  // ---- an item authorized during the review ----

  @Test
  void anItemAuthorizedDuringTheReviewLeavesItAndTheLetterListsItAsAuthorized() {
    ObjectNode json = TestCases.receivedOn(TestCases.unique("expedited-two-items"), LocalDate.of(2014, 8, 4));
    json.put("expedited", false);
    ImrCase c = apply(json);
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    String reviewer = candidates.forCase(cases.get(c.getCaseNumber())).get(0).userId();
    assignAttestAndSummarize(pi, reviewer, "A summary.");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id)
        .count()).isEqualTo(2);

    // Bad input changes nothing: an item that does not exist, or items with a withdrawal.
    Assertions.assertThatThrownBy(() -> caseEvents.terminate(c.getCaseNumber(),
        new CaseEvents.Terminate("TREATMENT_AUTHORIZED", LocalDate.of(2014, 8, 4), List.of(1, 5))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("item 5 does not exist");
    Assertions.assertThatThrownBy(() -> caseEvents.terminate(c.getCaseNumber(),
        new CaseEvents.Terminate("WITHDRAWN", LocalDate.of(2014, 8, 4), List.of(1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("only an authorization");
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).noneMatch(CaseItem::isAuthorized);

    caseEvents.terminate(c.getCaseNumber(),
        new CaseEvents.Terminate("TREATMENT_AUTHORIZED", LocalDate.of(2014, 8, 4), List.of(1)));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
    Task left = task(Element.DECIDE_ITEM.id, pi);
    Assertions.assertThat(tasks.getVariableLocal(left.getId(), CaseProcess.ITEM_INDEX.name())).isEqualTo(0);
    Assertions.assertThat(auditActions(c)).contains("ITEM_AUTHORIZED");

    tasks.complete(left.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine",
        CaseProcess.RATIONALE.name(), "The requested visits exceed the guideline."));
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.FINAL_LETTER_SENT.id);
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text();
    Assertions.assertThat(letter).contains("Authorized by the claims administrator")
        .contains("authorized this treatment on 08/04/2014").contains(": Upheld");
  }

  @Test
  void authorizingEveryItemStillInDisputeEndsTheCase() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    caseEvents.terminate(c.getCaseNumber(),
        new CaseEvents.Terminate("TREATMENT_AUTHORIZED", LocalDate.of(2014, 8, 4), List.of(0)));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.TERMINATED);
    Assertions.assertThat(items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())).allMatch(CaseItem::isAuthorized);
  }

  // ---- ineligible applications ----

  @Test
  void lateApplicationGetsAnIneligibilityNoticeAndEnds() {
    EngineClock.setTo(LocalDate.of(2024, 4, 8));
    ImrCase c = apply(TestCases.unique("late-application"));
    ProcessInstance pi = instance(c);
    assertThat(pi).hasPassed(Element.SCREEN_ELIGIBILITY.id).isWaitingAt(Element.SEND_INELIGIBILITY_NOTICE.id);
    ImrCase screened = cases.get(c.getCaseNumber());
    Assertions.assertThat(screened.getStatus()).isEqualTo(CaseStatus.INELIGIBLE);
    Assertions.assertThat(screened.eligibilityReasonList()).containsExactly("LATE_APPLICATION");
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.SEND_INELIGIBILITY_NOTICE.id, Element.APPLICATION_INELIGIBLE.id);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsExactly(LetterType.INELIGIBILITY);
    Assertions.assertThat(letters.archived(c.getCaseNumber(), LetterType.INELIGIBILITY).orElseThrow().text()
            .replaceAll("\\s+", " "))
        .contains("not received within 30 days of service of the utilization review decision, plus 5 days when");
  }

  @Test
  void eachIneligibilityReasonIsScreened() {
    EngineClock.setTo(LocalDate.of(2024, 3, 10));
    Assertions.assertThat(reasons(TestCases.unique("unsigned-cnc")))
        .containsExactly("UNSIGNED", "CONDITIONALLY_NON_CERTIFIED");
    ObjectNode noReport = TestCases.unique("chiro-trial-within");
    ((ObjectNode) noReport.get("utilizationReview")).put("reportAttached", false);
    Assertions.assertThat(reasons(noReport)).containsExactly("NO_UR_REPORT");
    EngineClock.setTo(LocalDate.of(2024, 4, 5));
    Assertions.assertThat(reasons(TestCases.unique("mail-extension-on-time"))).isEmpty();
    EngineClock.setTo(LocalDate.of(2024, 4, 2));
    Assertions.assertThat(reasons(TestCases.unique("served-in-person-late"))).containsExactly("LATE_APPLICATION");
  }

  @Test
  void theSameTreatmentAlreadyDecidedIsADuplicate() {
    ObjectNode seed = TestCases.unique("seed-pt-exceeds");
    ImrCase first = apply(seed);
    ProcessInstance pi = instance(first);
    run(pi);
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    completeRecords(first, LocalDate.of(2014, 8, 12));
    reviewAndDecide(pi, "dr-morales", "UPHELD");
    assertThat(pi).isEnded();
    EngineClock.setTo(LocalDate.of(2014, 8, 20));
    ObjectNode again = seed.deepCopy();
    again.put("applicationReceivedOn", "2014-08-20");
    Assertions.assertThat(reasons(again)).containsExactly("DUPLICATE");
  }

  @Test
  void anApplicationKeyedInLateIsAssignedAndAskedForRecordsFromTheDayItIsScreened() {
    EngineClock.setTo(LocalDate.of(2014, 8, 20));
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ImrCase screened = cases.get(c.getCaseNumber());
    Assertions.assertThat(screened.getApplicationReceivedOn()).isEqualTo(LocalDate.of(2014, 8, 4));
    Assertions.assertThat(screened.getNoticeDate()).isEqualTo(LocalDate.of(2014, 8, 20));
    Assertions.assertThat(screened.getRecordsDue()).isEqualTo(LocalDate.of(2014, 9, 4));
    run(instance(c));
    Assertions.assertThat(letters.archived(c.getCaseNumber(), LetterType.NOARFI)).isPresent();
  }

  // ---- reviewer assignment ----

  @Test
  void aDeclinedReviewerDropsOutAndAnotherIsAssigned() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    run(pi);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), false,
        CaseProcess.DECLARED_CONFLICT.name(), "I treated this worker's brother."));
    run(pi);
    assertThat(pi).hasPassed(Element.CONFLICT_GATEWAY.id).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getReviewerId()).isNull();

    Task assign = task(Element.ASSIGN_REVIEWER.id, pi);
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-chen")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("DECLARED_CONFLICT");
    assertThat(task(Element.ASSIGN_REVIEWER.id, pi)).isNotNull();

    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), "dr-morales"));
    run(pi);
    assertThat(task(Element.ATTEST_NO_CONFLICT.id, pi)).isAssignedTo("dr-morales");
  }

  @Test
  void aConflictedOrUnqualifiedReviewerIsRefusedAndTheTaskStaysOpen() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    Task assign = task(Element.ASSIGN_REVIEWER.id, pi);
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-rivera")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("CONFLICT_CLAIMS_ADMINISTRATOR");
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-lee")))
        .hasMessageContaining("INSUFFICIENT_EXPERIENCE");
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "dr-yamamoto")))
        .hasMessageContaining("INSUFFICIENT_PRACTICE_HOURS");
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), "nobody")))
        .hasMessageContaining("NOT_ON_PANEL");
    Assertions.assertThatThrownBy(() -> tasks.complete(assign.getId(), Map.of()))
        .hasMessageContaining("reviewerId is required");
    assertThat(pi).isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getReviewerId()).isNull();
  }

  // ---- the review ----

  @Test
  void everyDisputedItemGetsItsOwnDecisionTask() {
    EngineClock.setTo(LocalDate.of(2024, 3, 4));
    ImrCase c = apply(TestCases.unique("expedited-two-items"));
    ProcessInstance pi = instance(c);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getRecordsDue()).isEqualTo(LocalDate.of(2024, 3, 5));
    run(pi);
    completeRecords(c, LocalDate.of(2024, 3, 4));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2024, 3, 7));
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), "dr-morales"));
    run(pi);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), "true"));
    run(pi);
    complete(task(Element.WRITE_CASE_SUMMARY.id, pi), withVariables(CaseProcess.CASE_SUMMARY.name(), "Summary of the records."));
    run(pi);
    List<Task> items = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id)
        .list();
    Assertions.assertThat(items).hasSize(2);
    Assertions.assertThat(items).extracting(t -> tasks.getVariableLocal(t.getId(), CaseProcess.ITEM_INDEX.name()))
        .containsExactlyInAnyOrder(0, 1);

    Task first = items.get(0);
    Assertions.assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
            CaseProcess.IMRO_GUIDELINE.name(), "MTUS")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("rationale is required");
    Assertions.assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(CaseProcess.DETERMINATION.name(), "MAYBE",
            CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "Because.")))
        .hasMessageContaining("determination must be one of");
    tasks.complete(first.getId(), Map.of(CaseProcess.DETERMINATION.name(), "OVERTURNED", CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "Within."));
    run(pi);
    assertThat(pi).isWaitingAt(Element.DECIDE_ITEM.id);
    // Kept with the item, the form's values are no engine variables: none is stored, not even while a task is open.
    Assertions.assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).variableNameIn(
        CaseProcess.DETERMINATION.name(), CaseProcess.IMRO_GUIDELINE.name(), CaseProcess.RATIONALE.name(),
        CaseProcess.RECHECK.name(), CaseProcess.CLINICAL_FACTS.name(), CaseProcess.CASE_SUMMARY.name()).list()).isEmpty();
    tasks.complete(items.get(1).getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "No red flags."));
    run(pi);
    // An overturned item (and an expedited case) always gets a quality review before the letter.
    assertThat(pi).hasPassed(Element.PICK_FOR_QUALITY_REVIEW.id).isWaitingAt(Element.QUALITY_REVIEW.id);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    run(pi);
    assertThat(pi).isEnded();
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text();
    Assertions.assertThat(letter).contains("Priority:             Expedited").contains(": Overturned").contains(": Upheld");
  }

  @Test
  void theReviewerStatesFactsAndTheCheckRunsAgainBeforeTheDecision() {
    ObjectNode json = TestCases.unique("seed-pt-exceeds");
    ObjectNode mri = json.putArray("disputedItems").addObject();
    mri.put("description", "MRI of the lumbar spine without contrast").put("category", "IMAGING")
        .putArray("bodyRegions").add("LOW_BACK");
    ImrCase c = apply(json);
    ProcessInstance pi = instance(c);
    run(pi);
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    completeRecords(c, LocalDate.of(2014, 8, 12));
    assignAttestAndSummarize(pi, "dr-okafor", "Low back pain after lifting.");

    Task first = task(Element.DECIDE_ITEM.id, pi);
    Assertions.assertThat((String) view(first.getId(), CaseProcess.GUIDELINE_VERDICT.name()))
        .startsWith("NEEDS_CLINICAL_JUDGEMENT");
    Assertions.assertThat((String) view(first.getId(), CaseProcess.CLINICAL_FACTS.name())).contains("redFlags: ");
    Assertions.assertThatThrownBy(() -> tasks.complete(first.getId(), Map.of(CaseProcess.CLINICAL_FACTS.name(),
            "painReliefPercent: 150", CaseProcess.RECHECK.name(), true)))
        .hasRootCauseInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("clinicalFacts, line 1: painReliefPercent must be a number from 0 to 100");
    tasks.complete(first.getId(), Map.of(CaseProcess.CLINICAL_FACTS.name(), "redFlags: none\nobjectiveNeuroDeficit: no",
        CaseProcess.RECHECK.name(), true));
    run(pi);

    assertThat(pi).hasPassed(Element.RECHECK_OR_DECIDED.id).isWaitingAt(Element.DECIDE_ITEM.id);
    Task second = task(Element.DECIDE_ITEM.id, pi);
    Assertions.assertThat((String) view(second.getId(), CaseProcess.GUIDELINE_VERDICT.name())).startsWith("NOT_RECOMMENDED");
    Assertions.assertThat(view(second.getId(), CaseProcess.SUGGESTED_DETERMINATION.name())).isEqualTo("UPHELD");
    String citation = (String) view(second.getId(), CaseProcess.SUGGESTED_GUIDELINE.name());
    Assertions.assertThat(citation)
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    Assertions.assertThat(tasks.getVariable(second.getId(), CaseProcess.RECHECK.name())).isNull();
    tasks.complete(second.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), citation,
        CaseProcess.RATIONALE.name(), "No red flag and no objective neurologic deficit."));
    run(pi);

    assertThat(pi).isEnded();
    CaseItem item = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).get(0);
    Assertions.assertThat(json(item.getClinicalFacts())).isEqualTo("{\"redFlags\":[],\"objectiveNeuroDeficit\":false}");
    Assertions.assertThat(item.getGuidelineCheck()).contains("\"verdict\":\"NOT_RECOMMENDED\"");
    Assertions.assertThat(item.getDetermination()).isEqualTo(Determination.UPHELD);
    Assertions.assertThat(audit.of(c.getCaseNumber())).extracting(CaseAuditEntry::getAction)
        .containsSubsequence("FACTS_STATED", "DECIDED");
  }

  @Test
  void theFactsStartFromTheApplicationAndTheReviewersReadingWins() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    completeRecords(c, LocalDate.of(2014, 8, 12));
    assignAttestAndSummarize(pi, "dr-okafor", "Neck and low back pain.");

    Task first = task(Element.DECIDE_ITEM.id, pi);
    Assertions.assertThat((String) view(first.getId(), CaseProcess.CLINICAL_FACTS.name()))
        .isEqualTo("completedVisits: 11\nfunctionalImprovementDocumented: no");
    Assertions.assertThat((String) view(first.getId(), CaseProcess.GUIDELINE_VERDICT.name())).startsWith("EXCEEDS_GUIDELINE");
    // The records show 2 visits given, not the 11 the application claims.
    tasks.complete(first.getId(), Map.of(CaseProcess.CLINICAL_FACTS.name(), "completedVisits: 2\nfunctionalImprovementDocumented: yes",
        CaseProcess.RECHECK.name(), true));
    run(pi);

    Task second = task(Element.DECIDE_ITEM.id, pi);
    Assertions.assertThat((String) view(second.getId(), CaseProcess.GUIDELINE_VERDICT.name())).startsWith("WITHIN_GUIDELINE");
    Assertions.assertThat((String) view(second.getId(), CaseProcess.GUIDELINE_FINDINGS.name()))
        .contains("8 requested + 2 completed = 10 visits");
  }

  private static String json(String text) {
    return text.replace(" ", "");
  }

  // ---- deadlines ----

  @Test
  void lateRecordsBringAReminderAndACoordinatorMayProceedWithWhatCameIn() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    EngineClock.setTo(LocalDate.of(2014, 8, 19));
    run(pi);
    assertThat(pi).isWaitingAt(Element.RECORDS_DUE.id);
    EngineClock.setTo(LocalDate.of(2014, 8, 20).atTime(0, 0, 1));
    run(pi);
    assertThat(pi).hasPassed(Element.RECORDS_DUE.id, Element.SEND_RECORDS_REMINDER.id)
        .isWaitingAt(Element.CHASE_OVERDUE_RECORDS.id);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .contains(LetterType.RECORDS_REMINDER);
    Task chase = task(Element.CHASE_OVERDUE_RECORDS.id, pi);
    Assertions.assertThatThrownBy(() -> tasks.complete(chase.getId()))
        .hasMessageContaining("never made on the UR decision alone");
    records.receive(c.getCaseNumber(), new RecordsReceipt(LocalDate.of(2014, 8, 20), false,
        List.of(new RecordsReceipt.Document("PR-2", LocalDate.of(2014, 7, 7), "Dr. Il"))));
    tasks.complete(chase.getId());
    run(pi);
    assertThat(pi).hasPassed(Element.RECORDS_CHASED.id, Element.START_DETERMINATION_CLOCK.id)
        .isWaitingAt(Element.ASSIGN_REVIEWER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2014, 9, 19));
  }

  @Test
  void managersAreWarnedAtRiskAndGetATaskOnBreachWhileTheReviewGoesOn() throws Exception {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    // 30 days: due 2014-09-03; at risk from 2014-08-29 (less than 6 of 30 days left).
    EngineClock.setTo(LocalDate.of(2014, 8, 28).atTime(23, 59));
    run(pi);
    assertThat(pi).hasNotPassed(Element.WARN_MANAGERS.id);
    EngineClock.setTo(LocalDate.of(2014, 8, 29).atTime(0, 1));
    run(pi);
    assertThat(pi).hasPassed(Element.DETERMINATION_AT_RISK.id, Element.WARN_MANAGERS.id);
    // The warning reached the managers' mailboxes (demo users manager and demo), naming the case only.
    List<MimeMessage> warnings = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      if (m.getSubject().equals("Case " + c.getCaseNumber() + " is at risk of missing its deadline")) {
        warnings.add(m);
      }
    }
    // One message (one Message-ID), stored by the mail server once per recipient's mailbox.
    Assertions.assertThat(warnings).isNotEmpty();
    Set<String> ids = new HashSet<>();
    for (MimeMessage m : warnings) {
      ids.add(m.getMessageID());
    }
    Assertions.assertThat(ids).hasSize(1);
    Assertions.assertThat(Arrays.stream(warnings.get(0).getAllRecipients()).map(Object::toString))
        .contains("manager@imrflow.example", "demo@imrflow.example");
    Assertions.assertThat(warnings.get(0).getContent().toString()).contains("2014-09-03").doesNotContain("J. Doe");
    EngineClock.setTo(LocalDate.of(2014, 9, 3).atTime(23, 59));
    run(pi);
    assertThat(pi).hasNotPassed(Element.RECORD_BREACH.id);
    EngineClock.setTo(LocalDate.of(2014, 9, 4).atTime(0, 1));
    run(pi);
    assertThat(pi).hasPassed(Element.DETERMINATION_OVERDUE.id, Element.RECORD_BREACH.id)
        .isWaitingAt(Element.ASSIGN_REVIEWER.id, Element.EXPEDITE_OVERDUE_CASE.id);
    Task breach = task(Element.EXPEDITE_OVERDUE_CASE.id, pi);
    assertThat(breach).hasCandidateGroup("managers");
    Assertions.assertThatThrownBy(() -> tasks.complete(breach.getId())).hasMessageContaining("actionTaken is required");
    tasks.complete(breach.getId(), Map.of(CaseProcess.ACTION_TAKEN.name(), "Asked the coordinator to assign today."));
    assertThat(pi).hasPassed(Element.BREACH_HANDLED.id);
    reviewAndDecide(pi, "dr-johnson", "UPHELD");
    assertThat(pi).isEnded();
  }

  @Test
  void anOpenBreachTaskEndsWithTheLetter() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    EngineClock.setTo(LocalDate.of(2014, 9, 5));
    run(pi);
    assertThat(pi).isWaitingAt(Element.EXPEDITE_OVERDUE_CASE.id);
    reviewAndDecide(pi, "dr-haddad", "UPHELD");
    assertThat(pi).isEnded().hasPassed(Element.FINAL_LETTER_SENT.id).hasNotPassed(Element.BREACH_HANDLED.id);
  }

  // ---- case events ----

  @Test
  void aPhysiciansCertificationExpeditesTheReviewAndMovesItsTimers() throws Exception {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    EngineClock.setTo(LocalDate.of(2014, 8, 6));
    caseEvents.expedite(c.getCaseNumber(), new CaseEvents.Expedite(LocalDate.of(2014, 8, 6), "threat"));
    assertThat(pi).hasPassed(Element.REVIEW_EXPEDITED.id, Element.RECOMPUTE_DEADLINES.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).isExpedited()).isTrue();
    Assertions.assertThat(cases.get(c.getCaseNumber()).getRecordsDue()).isEqualTo(LocalDate.of(2014, 8, 7));
    EngineClock.setTo(LocalDate.of(2014, 8, 8).atTime(0, 1));
    run(pi);
    assertThat(pi).hasPassed(Element.SEND_RECORDS_REMINDER.id, Element.SEND_EXPEDITED_NOTICE.id);
    // Every party is told once that the review is expedited, and by when the records are now due.
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsOnlyOnce(LetterType.EXPEDITED);
    Assertions.assertThat(received(c.getCaseNumber(), LetterType.EXPEDITED)).hasSize(4);
    Assertions.assertThat(letters.archived(c.getCaseNumber(), LetterType.EXPEDITED).orElseThrow().text())
        .contains("Priority:              Expedited").contains("Medical records are now due by 08/07/2014.");

    completeRecords(c, LocalDate.of(2014, 8, 8));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2014, 8, 11));
    Assertions.assertThat(task(Element.ASSIGN_REVIEWER.id, pi).getDueDate())
        .isEqualTo(Date.from(LocalDate.of(2014, 8, 12).atStartOfDay(EngineClock.ZONE).toInstant().minusSeconds(1)));
  }

  @Test
  void anExpeditedCertificationDuringReviewRestartsTheClockAtThreeDays() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2014, 9, 3));
    EngineClock.setTo(LocalDate.of(2014, 8, 10));
    caseEvents.expedite(c.getCaseNumber(), new CaseEvents.Expedite(LocalDate.of(2014, 8, 10), "threat"));
    Assertions.assertThat(cases.get(c.getCaseNumber()).getDeterminationDue()).isEqualTo(LocalDate.of(2014, 8, 13));
    EngineClock.setTo(LocalDate.of(2014, 8, 14).atTime(0, 1));
    run(pi);
    assertThat(pi).hasPassed(Element.RECORD_BREACH.id).isWaitingAt(Element.EXPEDITE_OVERDUE_CASE.id);
  }

  @Test
  void authorizedTreatmentEndsTheReviewAndNotifiesTheParties() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    run(pi);
    caseEvents.terminate(c.getCaseNumber(), new CaseEvents.Terminate("TREATMENT_AUTHORIZED",
        LocalDate.of(2014, 8, 4)));
    assertThat(pi).hasPassed(Element.REVIEW_ENDED.id, Element.CLOSE_CASE_EARLY.id)
        .isWaitingAt(Element.SEND_TERMINATION_NOTICE.id);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.TERMINATED);
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.REVIEW_ENDED_EARLY.id);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsExactly(LetterType.NOARFI, LetterType.TERMINATION);
  }

  @Test
  void aWithdrawnApplicationEndsWhileRecordsAreAwaited() {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    caseEvents.terminate(c.getCaseNumber(), new CaseEvents.Terminate("WITHDRAWN",
        LocalDate.of(2014, 8, 4)));
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.SEND_TERMINATION_NOTICE.id).hasNotPassed(Element.SEND_NOTICE_OF_ASSIGNMENT.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
  }

  // ---- quality review ----

  @Test
  void theSamplingTablePicksEveryOverturnEveryExpeditedCaseANewReviewersFirstTenAndATenthOfTheRest() {
    Assertions.assertThat(sampling(true, false, 500, 99)).containsEntry("reason", "OVERTURNED_ITEM");
    Assertions.assertThat(sampling(false, true, 500, 99)).containsEntry("reason", "EXPEDITED");
    Assertions.assertThat(sampling(false, false, 0, 99)).containsEntry("reason", "NEW_REVIEWER");
    Assertions.assertThat(sampling(false, false, 9, 99)).containsEntry("reason", "NEW_REVIEWER");
    Assertions.assertThat(sampling(false, false, 10, 99)).containsEntry("qualityReview", false);
    Assertions.assertThat(sampling(false, false, 10, 9)).containsEntry("reason", "RANDOM_SAMPLE");
    Assertions.assertThat(sampling(false, false, 10, 10)).containsEntry("qualityReview", false)
        .containsEntry("reason", "NOT_SAMPLED");
    long picked = IntStream.range(0, 100).filter(draw ->
        Boolean.TRUE.equals(sampling(false, false, 10, draw).get("qualityReview"))).count();
    Assertions.assertThat(picked).as("a tenth of the draws").isEqualTo(10);
  }

  @Test
  void aNewReviewersFirstCasesAndTheRandomSampleWaitForQualityReview() {
    String newcomer = newReviewer();
    ImrCase first = decidedCase(newcomer, "UPHELD", null);
    assertThat(instance(first)).isWaitingAt(Element.QUALITY_REVIEW.id);
    Assertions.assertThat(auditActions(first)).contains("QA_PICKED");
    // The table's inputs and answers served the sampling's own command: none was stored.
    Assertions.assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance(first).getId())
        .variableNameIn(CaseProcess.ANY_OVERTURNED.name(), CaseProcess.EXPEDITED.name(),
            CaseProcess.REVIEWER_CASES_BEFORE.name(), CaseProcess.SAMPLE_DRAW.name(), CaseProcess.QA_SAMPLING.name(),
            CaseProcess.QUALITY_REVIEW.name()).list()).isEmpty();
    Assertions.assertThat(cases.get(first.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.QUALITY_REVIEW);

    // A seasoned reviewer's upheld case: picked only when its draw falls in the sample.
    ImrCase sampled = decidedCase("dr-okafor", "UPHELD", 3);
    assertThat(instance(sampled)).isWaitingAt(Element.QUALITY_REVIEW.id);
    ImrCase notSampled = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(notSampled);
    run(pi);
    completeRecords(notSampled, LocalDate.of(2014, 8, 4));
    runtime.setVariable(pi.getId(), CaseProcess.QA_SAMPLE_DRAW.name(), 10);
    reviewAndDecide(pi, "dr-okafor", "UPHELD");
    assertThat(pi).isEnded().hasPassed(Element.PICK_FOR_QUALITY_REVIEW.id, Element.LETTER_READY.id)
        .hasNotPassed(Element.QUALITY_REVIEW.id);
  }

  @Test
  void anApprovedQualityReviewReleasesTheLetter() throws Exception {
    ImrCase c = decidedCase("dr-okafor", "OVERTURNED", null);
    ProcessInstance pi = instance(c);
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    Task qa = task(Element.QUALITY_REVIEW.id, pi);
    assertThat(qa).hasCandidateGroup("quality-reviewers").isNotAssigned();
    Assertions.assertThat(qa.getDueDate()).isNotNull();
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.QUALITY_REVIEW);
    Assertions.assertThat(letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).isEmpty();
    Assertions.assertThat(view(qa.getId(), CaseProcess.DRAFT_LETTER.name()).toString())
        .contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Overturned");
    Assertions.assertThat((String) view(qa.getId(), CaseProcess.QA_CHECKS.name()))
        .contains("Passed**: Every item has a determination, a guideline and a rationale")
        .contains("Passed**: No reviewer name");

    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of()))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("qaOutcome is required");
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED", CaseProcess.QA_RETURNED_ITEMS.name(), "[0]")))
        .hasMessageContaining("qaReturnedItems must be empty");
    complete(qa, withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED", CaseProcess.QA_RETURNED_ITEMS.name(), "[]"));
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.QUALITY_REVIEW.id, Element.SEND_FINAL_LETTER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.LETTER_SENT);
    Assertions.assertThat(received(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).hasSize(4);
    Assertions.assertThat(auditActions(c)).containsSubsequence("QA_PICKED", "QA_OPENED", "QA_APPROVED", "LETTER_SENT");
  }

  @Test
  void aReturnWithoutCommentsOrItemsOrWithAnItemThatDoesNotExistIsRefused() {
    ImrCase c = decidedCase("dr-okafor", "OVERTURNED", null);
    ProcessInstance pi = instance(c);
    Task qa = task(Element.QUALITY_REVIEW.id, pi);
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "RETURNED", CaseProcess.QA_RETURNED_ITEMS.name(), "[0]")))
        .hasRootCauseInstanceOf(FormFieldValidationException.class).hasMessageContaining("qaComments is required");
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "RETURNED", CaseProcess.QA_COMMENTS.name(), "Cite the page.")))
        .hasMessageContaining("qaReturnedItems is required");
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "RETURNED", CaseProcess.QA_COMMENTS.name(), "Cite the page.",
            CaseProcess.QA_RETURNED_ITEMS.name(), "[1]")))
        .hasMessageContaining("item 1 does not exist; this case has items 0 to 0");
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "RETURNED", CaseProcess.QA_COMMENTS.name(), "Cite the page.",
            CaseProcess.QA_RETURNED_ITEMS.name(), "first")))
        .hasMessageContaining("must be a JSON array");
    Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "SENT BACK")))
        .hasMessageContaining("qaOutcome must be one of");
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id)
        .count()).isZero();
  }

  @Test
  void onlyQualityReviewersCompleteAQualityReviewAndTheyNeverDecideItems() {
    ImrCase c = decidedCase("dr-okafor", "OVERTURNED", null);
    ProcessInstance pi = instance(c);
    Task qa = task(Element.QUALITY_REVIEW.id, pi);
    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication("dr-okafor", List.of("reviewers"));
      Assertions.assertThatThrownBy(() -> tasks.complete(qa.getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED")))
          .isInstanceOf(ProcessEngineException.class);
    } finally {
      identity.clearAuthentication();
    }
    complete(qa, withVariables(CaseProcess.QA_OUTCOME.name(), "RETURNED", CaseProcess.QA_COMMENTS.name(), "Say which guideline page.", CaseProcess.QA_RETURNED_ITEMS.name(), "[0]"));
    run(pi);
    Task redo = task(Element.DECIDE_ITEM.id, pi);
    try {
      identity.setAuthentication("qa", List.of("quality-reviewers"));
      Assertions.assertThatThrownBy(() -> tasks.complete(redo.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
              CaseProcess.IMRO_GUIDELINE.name(), "MTUS", CaseProcess.RATIONALE.name(), "Because.")))
          .isInstanceOf(ProcessEngineException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(pi).isWaitingAt(Element.DECIDE_ITEM.id);
  }

  @Test
  void aReturnedItemGoesBackToItsReviewerWithTheCommentsAndComesBackToQualityReview() {
    ImrCase c = twoItemCaseInQualityReview();
    ProcessInstance pi = instance(c);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "RETURNED",
        CaseProcess.QA_COMMENTS.name(), "Item 2: the rationale does not say why the MRI is not needed now.",
        CaseProcess.QA_RETURNED_ITEMS.name(), Spin.JSON("[1]")));
    run(pi);
    assertThat(pi).hasPassed(Element.QA_OUTCOME_GATEWAY.id).isWaitingAt(Element.DECIDE_ITEM.id);
    List<Task> redo = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list();
    Assertions.assertThat(redo).hasSize(1);
    assertThat(redo.get(0)).isAssignedTo("dr-morales");
    Assertions.assertThat(tasks.getVariableLocal(redo.get(0).getId(), CaseProcess.ITEM_INDEX.name())).isEqualTo(1);
    Assertions.assertThat(tasks.getVariable(redo.get(0).getId(), CaseProcess.QA_COMMENTS.name()))
        .isEqualTo("Item 2: the rationale does not say why the MRI is not needed now.");
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
    Assertions.assertThat(letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)).isEmpty();

    tasks.complete(redo.get(0).getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS Low Back Complaints",
        CaseProcess.RATIONALE.name(), "No red flag and no neurologic deficit: the MRI is not needed now."));
    run(pi);
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.QUALITY_REVIEW);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    run(pi);
    assertThat(pi).isEnded();
    String letter = letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text();
    Assertions.assertThat(letter).contains("No red flag and no neurologic deficit: the MRI is not needed now.");
    Assertions.assertThat(auditActions(c)).containsSubsequence("QA_RETURNED", "DECIDED", "QA_OPENED", "QA_APPROVED");
  }

  @Test
  void aCaseReturnedTwiceComesBackEachTimeAndTheLetterWaitsForTheApproval() {
    ImrCase c = twoItemCaseInQualityReview();
    ProcessInstance pi = instance(c);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "RETURNED",
        CaseProcess.QA_COMMENTS.name(), "Both rationales need the guideline's page.", CaseProcess.QA_RETURNED_ITEMS.name(), "[0, 1]"));
    run(pi);
    List<Task> first = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list();
    Assertions.assertThat(first).extracting(t -> tasks.getVariableLocal(t.getId(), CaseProcess.ITEM_INDEX.name())).containsExactlyInAnyOrder(0, 1);
    first.forEach(t -> tasks.complete(t.getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS, page 99",
        CaseProcess.RATIONALE.name(), "Not medically necessary.")));
    run(pi);
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "RETURNED",
        CaseProcess.QA_COMMENTS.name(), "Item 1 still names no page.", CaseProcess.QA_RETURNED_ITEMS.name(), "[\"0\"]"));
    run(pi);
    List<Task> second = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list();
    Assertions.assertThat(second).hasSize(1);
    Assertions.assertThat(tasks.getVariableLocal(second.get(0).getId(), CaseProcess.ITEM_INDEX.name())).isEqualTo(0);
    Assertions.assertThat(tasks.getVariable(second.get(0).getId(), CaseProcess.QA_COMMENTS.name())).isEqualTo("Item 1 still names no page.");
    tasks.complete(second.get(0).getId(), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS, pages 98-99",
        CaseProcess.RATIONALE.name(), "Not medically necessary."));
    run(pi);
    complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    run(pi);
    assertThat(pi).isEnded();
    Assertions.assertThat(auditActions(c).stream().filter("QA_RETURNED"::equals)).hasSize(2);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsOnlyOnce(LetterType.FINAL_DETERMINATION);
  }

  @Test
  void aCaseEndedEarlyWhileInQualityReviewGetsNoLetter() {
    ImrCase c = decidedCase("dr-okafor", "OVERTURNED", null);
    ProcessInstance pi = instance(c);
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    caseEvents.terminate(c.getCaseNumber(), new CaseEvents.Terminate("TREATMENT_AUTHORIZED",
        LocalDate.of(2014, 8, 4)));
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    run(pi);
    assertThat(pi).isEnded().hasPassed(Element.QUALITY_REVIEW.id, Element.REVIEW_ENDED_EARLY.id)
        .hasNotPassed(Element.SEND_FINAL_LETTER.id);
    Assertions.assertThat(cases.get(c.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.TERMINATED);
    Assertions.assertThat(letters.correspondence(c.getCaseNumber())).extracting(Letters.Sent::type)
        .containsExactly(LetterType.NOARFI, LetterType.TERMINATION);
  }

  // ---- helpers ----

  @Autowired DecisionService decisions;
  @Autowired ReviewerPanelService panel;
  @Autowired ReviewerCandidates candidates;

  private Map<String, Object> sampling(boolean anyOverturned, boolean expedited, int reviewerCasesBefore, int draw) {
    return decisions.evaluateDecisionTableByKey("quality-review-sampling", Map.of(CaseProcess.ANY_OVERTURNED.name(), anyOverturned,
        CaseProcess.EXPEDITED.name(), expedited, CaseProcess.REVIEWER_CASES_BEFORE.name(), reviewerCasesBefore, CaseProcess.SAMPLE_DRAW.name(), draw)).getSingleResult().getEntryMap();
  }

  /** A reviewer new to the panel, qualified for the seed's physical therapy item. */
  /** The seed's case with complete records, assigned to the reviewer and waiting for their attestation. */
  private ImrCase assignedTo(String reviewerId) {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), reviewerId));
    run(pi);
    return c;
  }

  /** A view the task's form shows, computed as when the form loads (TaskFormViews); JSON as its text. */
  private Object view(String taskId, String name) {
    var typed = views.of(taskId).getValueTyped(name);
    if (typed instanceof SerializableValue json && !json.isDeserialized()) {
      return json.getValueSerialized();
    }
    return typed == null ? null : typed.getValue();
  }

  private LocalDate noticeSentOn(ImrCase c) {
    return letters.delivery(c.getCaseNumber(), LetterType.NOARFI).map(Letters.Sent::sentOn).orElse(null);
  }

  /** The open task of this kind in the instance of review-by-reviewer for this group of items. */
  private Task groupTask(ProcessInstance pi, Element kind, int group) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(kind.id).list().stream()
        .filter(t -> Integer.valueOf(group).equals(runtime.getVariable(t.getExecutionId(), CaseProcess.REVIEW_GROUP.name())))
        .findFirst().orElse(null);
  }

  /** The reviewer attests and summarizes (when those tasks are theirs) and decides each item that is theirs. */
  private void decideGroup(ProcessInstance pi, String reviewerId, String summary, String determination) {
    for (Element step : List.of(Element.ATTEST_NO_CONFLICT, Element.WRITE_CASE_SUMMARY)) {
      for (Task t : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step.id).taskAssignee(reviewerId).list()) {
        tasks.complete(t.getId(), step == Element.ATTEST_NO_CONFLICT ? Map.of(CaseProcess.NO_CONFLICT.name(), true)
            : Map.of(CaseProcess.CASE_SUMMARY.name(), summary));
        run(pi);
      }
    }
    for (Task item : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id)
        .taskAssignee(reviewerId).list()) {
      tasks.complete(item.getId(), Map.of(CaseProcess.DETERMINATION.name(), determination,
          CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines",
          CaseProcess.RATIONALE.name(), "Decided on the records reviewed."));
    }
    run(pi);
  }

  private void approveIfPicked(ProcessInstance pi) {
    if (tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.QUALITY_REVIEW.id).count() > 0) {
      complete(task(Element.QUALITY_REVIEW.id, pi), withVariables(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
      run(pi);
    }
  }

  /** Every license of the reviewer expired the day before the test's day (2014-08-04). */
  private void expireLicenses(String reviewerId) {
    updateProfile(reviewerId, profile -> profile.withArray("licenses")
        .forEach(l -> ((ObjectNode) l).put("expires", "2014-08-03")));
  }

  /** The reviewer's profile changed through the panel service, as a panel update would (re-screening included). */
  private void updateProfile(String reviewerId, Consumer<ObjectNode> change) {
    var mapper = new ObjectMapper().findAndRegisterModules();
    ObjectNode profile = mapper.valueToTree(panel.find(reviewerId).orElseThrow());
    change.accept(profile);
    panel.update(reviewerId, mapper.convertValue(profile, ReviewerProfile.class));
  }

  private String newReviewer() {
    return newReviewer("dr-okafor");
  }

  /** A reviewer new to the panel, with the credentials of one of the demo panel. */
  private String newReviewer(String like) {
    String id = "dr-new-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    var user = engine.getIdentityService().newUser(id);
    user.setFirstName("Nora");
    user.setLastName("Newcomer");
    engine.getIdentityService().saveUser(user);
    var model = panel.find(like).orElseThrow();
    panel.register(new ReviewerProfile(id, "Nora Newcomer", model.profession(),
        model.boardCertifications(), model.subspecialties(), model.certifications(), model.licenses(),
        model.yearsInPractice(), model.activePracticeHoursPerWeek(), List.of(), true));
    return id;
  }

  /** The seed's case, every item decided by the reviewer; a draw for the quality review sample when given. */
  private ImrCase decidedCase(String reviewerId, String determination, Integer draw) {
    ImrCase c = apply(TestCases.unique("seed-pt-exceeds"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2014, 8, 4));
    if (draw != null) {
      runtime.setVariable(pi.getId(), CaseProcess.QA_SAMPLE_DRAW.name(), draw);
    }
    reviewAndDecide(pi, reviewerId, determination);
    return c;
  }

  /** The expedited two-item case, decided by dr-morales and waiting in quality review. */
  private ImrCase twoItemCaseInQualityReview() {
    EngineClock.setTo(LocalDate.of(2024, 3, 4));
    ImrCase c = apply(TestCases.unique("expedited-two-items"));
    ProcessInstance pi = instance(c);
    run(pi);
    completeRecords(c, LocalDate.of(2024, 3, 4));
    reviewAndDecide(pi, "dr-morales", "UPHELD");
    assertThat(pi).isWaitingAt(Element.QUALITY_REVIEW.id);
    return c;
  }

  private List<String> auditActions(ImrCase c) {
    return audit.of(c.getCaseNumber()).stream().map(CaseAuditEntry::getAction).toList();
  }

  private ImrCase apply(ObjectNode json) {
    ImrCase c = intake.apply(TestCases.application(json));
    INSTANCES.add(c.getProcessInstanceId());
    return c;
  }

  private List<String> reasons(ObjectNode json) {
    ImrCase c = apply(json);
    run(instance(c));
    return cases.get(c.getCaseNumber()).eligibilityReasonList();
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

  /** The coordinator assigns the reviewer, who attests no conflict and writes the summary: decide-item is next. */
  private void assignAttestAndSummarize(ProcessInstance pi, String reviewerId, String summary) {
    complete(task(Element.ASSIGN_REVIEWER.id, pi), withVariables(CaseProcess.REVIEWER_ID.name(), reviewerId));
    run(pi);
    assertThat(task(Element.ATTEST_NO_CONFLICT.id, pi)).isAssignedTo(reviewerId);
    complete(task(Element.ATTEST_NO_CONFLICT.id, pi), withVariables(CaseProcess.NO_CONFLICT.name(), true));
    run(pi);
    complete(task(Element.WRITE_CASE_SUMMARY.id, pi), withVariables(CaseProcess.CASE_SUMMARY.name(), summary));
    run(pi);
  }

  private void reviewAndDecide(ProcessInstance pi, String reviewerId, String determination) {
    assignAttestAndSummarize(pi, reviewerId, "The patient is a 21 year old male with neck and low back pain.");
    for (Task item : tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Element.DECIDE_ITEM.id).list()) {
      tasks.complete(item.getId(), Map.of(CaseProcess.DETERMINATION.name(), determination,
          CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99",
          CaseProcess.RATIONALE.name(), "The requested visits exceed the guideline."));
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
    Assertions.assertThat(coverage).as("imr-case flow nodes covered, missing " + missed).isGreaterThanOrEqualTo(0.9);
  }
}
