package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.cases.Application;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.Determination;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.process.TaskFormViews;
import org.imrflow.reviewers.Candidate;
import org.imrflow.reviewers.ReviewerCandidates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinator's and the reviewers' day in Tasklist, in a real Chromium: the Camunda Forms as
 * form-js renders them, the filters, the server's refusals as Tasklist shows them. Screenshots of
 * every step go to target/screenshots/.
 */
@ExtendWith(BrowserExtension.class)
@IntegrationTest
class TasklistJourneysBrowserTest {

  private static final String PROCESS_NAME = "Independent medical review";

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired CaseJson json;
  @Autowired CaseItemRepository items;
  @Autowired ReviewerCandidates candidates;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskFormViews views;
  @Autowired BusinessClock clock;

  /** Our forms, as form-js renders them in Tasklist: what axe must find no violation in. */
  private static final String FORM = ".fjs-container";
  /** The names of our filters in Tasklist's list, in the colours TaskFilters gives them. */
  private static final String FILTER_NAMES = ".task-filter .name > a";

  private Browser browser;
  private Tasklist tasklist;
  private CaseStates states;

  @BeforeEach
  void setUp(Browser browser, CaseStates states) {
    // The browser runs on the real clock: so must the engine.
    EngineClock.reset();
    this.browser = browser;
    this.tasklist = new Tasklist(browser, "http://localhost:" + port);
    this.states = states;
  }

  @Test
  void coordinatorEntersAnApplicationAndAssignsAReviewerWithoutConflict() {
    LocalDate today = states.today();
    String claimNumber = "WC-B-" + UUID.randomUUID().toString().substring(0, 8);

    tasklist.loginAs("coordinator");
    assertThat(tasklist.filters()).contains("Applications to screen", "Reviewer assignment", "Records overdue");
    browser.screenshot("1-01-coordinator-tasklist");

    CamundaForm form = tasklist.startForm(PROCESS_NAME);
    form.date("applicationReceivedOn", today)
        .check("signedByEmployee")
        .type("employeeName", "J. Doe")
        .type("employeeAge", "21")
        .select("employeeSex", "Male")
        .date("dateOfInjury", today.minusMonths(8))
        .type("claimNumber", claimNumber)
        .type("employerName", "Sunrise Packing Co.")
        .type("claimsAdministratorName", "Golden State Claims Services")
        .type("claimsAdministratorId", "CA-ADM-0007")
        .type("urOrganizationName", "West Coast UR Partners")
        .date("urDecisionDate", today.minusDays(11))
        .date("urServedOn", today.minusDays(11))
        .check("urServedByMail")
        .check("urReportAttached")
        .type("physicianName", "Dr. Il")
        .type("diagnoses", "Sprain/strain of the cervical spine")
        .type("itemDescription", "Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back")
        .select("itemCategory", "Physical therapy")
        .select("itemCondition", "Myalgia / myositis")
        .choose("itemBodyRegions", "Neck")
        .choose("itemBodyRegions", "Low back")
        .type("itemRequestedVisits", "8")
        .type("itemCompletedVisits", "11")
        .choose("itemFunctionalImprovement", "No");
    // Everything typed is still there: form-js re-renders fields when a date is taken.
    assertThat(form.dateValue("applicationReceivedOn")).isEqualTo(CamundaForm.usDate(today));
    assertThat(form.value("employeeName")).isEqualTo("J. Doe");
    assertThat(form.value("claimNumber")).isEqualTo(claimNumber);
    assertThat(form.value("claimsAdministratorId")).isEqualTo("CA-ADM-0007");
    assertThat(form.value("itemRequestedVisits")).isEqualTo("8");
    browser.script("document.querySelector('.modal').scrollTop = 0;");
    browser.screenshot("1-02-start-form");
    Axe.check(browser, "tasklist-start-form", FORM, FILTER_NAMES);
    assertThat(tasklist.startEnabled()).as("Start with every required field filled").isTrue();
    tasklist.start();
    assertThat(tasklist.notification()).contains("The process has been started");
    tasklist.dismissNotifications();

    // The application became a case like one posted to the API.
    ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
        .variableValueEquals("claimNumber", claimNumber).singleResult();
    assertThat(instance).as("the case started from Tasklist").isNotNull();
    ImrCase c = cases.get(instance.getBusinessKey());
    assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_RECORDS);
    Application application = json.application(c);
    assertThat(application.applicationReceivedOn()).isEqualTo(today);
    assertThat(application.employee().name()).isEqualTo("J. Doe");
    assertThat(application.employee().dateOfInjury()).isEqualTo(today.minusMonths(8));
    assertThat(application.claimsAdministrator().id()).isEqualTo("CA-ADM-0007");
    assertThat(application.utilizationReview().decisionDate()).isEqualTo(today.minusDays(11));
    DisputedItem item = application.disputedItems().get(0);
    assertThat(item.category()).isEqualTo(DisputedItem.Category.PHYSICAL_THERAPY);
    assertThat(item.bodyRegionsOrEmpty()).containsExactly(DisputedItem.BodyRegion.NECK, DisputedItem.BodyRegion.LOW_BACK);
    assertThat(item.requestedVisits()).isEqualTo(8);
    assertThat(item.completedVisits()).isEqualTo(11);
    assertThat(item.functionalImprovementDocumented()).isFalse();

    // Assignment waits for complete records.
    states.runJobs(c);
    states.recordsComplete(c);
    Task assignment = states.task(c, Element.ASSIGN_REVIEWER);
    tasklist.waitForTask("Reviewer assignment", assignment.getId());
    assertThat(tasklist.listEntry(assignment.getId())).contains("Assign a reviewer", "Case: " + c.getCaseNumber());
    browser.screenshot("1-03-reviewer-assignment-filter");

    CamundaForm assign = tasklist.openTask(assignment.getId());
    assertThat(assign.text()).contains(c.getCaseNumber(), "Records received: 1 document(s)");
    assertThat(tasklist.completeEnabled()).as("Complete before the task is claimed").isFalse();
    tasklist.claim();

    // The dropdown offers exactly the eligible reviewers; Dr. Rivera works for the claims administrator.
    List<Candidate> screened = candidates.forCase(c);
    Candidate rivera = screened.stream().filter(r -> r.userId().equals("dr-rivera")).findFirst().orElseThrow();
    assertThat(rivera.eligible()).isFalse();
    assertThat(rivera.reasons()).contains("CONFLICT_CLAIMS_ADMINISTRATOR");
    List<String> offered = assign.options("reviewerId");
    browser.screenshot("1-04-assign-reviewer-dropdown");
    Axe.check(browser, "tasklist-assign-reviewer", FORM, FILTER_NAMES);
    assertThat(offered).isNotEmpty().containsExactlyElementsOf(optionLabels(assignment.getId()));
    assertThat(offered).noneMatch(o -> o.startsWith(rivera.name()));
    assertThat(offered).hasSize((int) screened.stream().filter(Candidate::eligible).count());
    assertThat(offered).anyMatch(o -> o.startsWith("Grace Okafor"));

    assign.select("reviewerId", "Grace Okafor");
    assertThat(assign.value("reviewerId")).startsWith("Grace Okafor");
    assertThat(tasklist.completeEnabled()).as("Complete with a reviewer chosen").isTrue();
    tasklist.complete();
    browser.until("assign-reviewer completed", () -> !states.isOpen(assignment.getId()));
    browser.screenshot("1-05-assigned");

    states.runJobs(c);
    assertThat(states.task(c, Element.ATTEST_NO_CONFLICT).getAssignee()).isEqualTo("dr-okafor");
    ImrCase assigned = states.refreshed(c);
    assertThat(assigned.getReviewerId()).isEqualTo("dr-okafor");
    assertThat(assigned.getStatus()).isEqualTo(CaseStatus.IN_REVIEW);
  }

  @Test
  void reviewerAttestsSummarizesAndDecidesWithTheGuidelineCheckInView() {
    ImrCase c = states.assignedTo("seed-pt-exceeds", "dr-okafor");
    String filter = "My reviews by due date";

    tasklist.loginAs("dr-okafor");
    assertThat(tasklist.filters()).containsExactly(filter);

    Task attestation = states.task(c, Element.ATTEST_NO_CONFLICT);
    tasklist.waitForTask(filter, attestation.getId());
    CamundaForm attest = tasklist.openTask(attestation.getId());
    assertThat(attest.text()).contains(c.getCaseNumber(), "Golden State Claims Services");
    attest.choose("noConflict", "I have no conflict of interest");
    browser.screenshot("2-01-attest-no-conflict");
    Axe.check(browser, "tasklist-attest-no-conflict", FORM, FILTER_NAMES);
    tasklist.complete();
    browser.until("attestation completed", () -> !states.isOpen(attestation.getId()));
    states.runJobs(c);

    Task summaryTask = states.task(c, Element.WRITE_CASE_SUMMARY);
    tasklist.waitForTask(filter, summaryTask.getId());
    CamundaForm summary = tasklist.openTask(summaryTask.getId());
    summary.type("caseSummary", "The patient is a 21 year old male with neck and low back pain after lifting boxes "
        + "at work. He completed 11 physical therapy visits without documented functional improvement.");
    browser.screenshot("2-02-case-summary");
    Axe.check(browser, "tasklist-case-summary", FORM, FILTER_NAMES);
    tasklist.complete();
    browser.until("case summary completed", () -> !states.isOpen(summaryTask.getId()));
    states.runJobs(c);

    // The guideline check is in view. The case is received today: the MTUS in force (ACOEM, from 12/1/2017)
    // is not encoded, so the check suggests nothing and says why (GuidelineFactsBrowserTest shows a 2016 case).
    Task decision = states.task(c, Element.DECIDE_ITEM);
    String verdict = (String) view(decision.getId(), CaseProcess.GUIDELINE_VERDICT.name());
    String suggested = (String) view(decision.getId(), CaseProcess.SUGGESTED_DETERMINATION.name());
    assertThat(suggested).isEqualTo("none: clinical judgement");
    tasklist.waitForTask(filter, decision.getId());
    CamundaForm decide = tasklist.openTask(decision.getId());
    assertThat(decide.text()).contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back", verdict, suggested,
        "not encoded");
    browser.screenshot("2-03-decide-item-guideline-check");
    Axe.check(browser, "tasklist-decide-item", FORM, FILTER_NAMES);

    decide.choose("determination", "Upheld")
        .type("imroGuideline", "Decision based on the MTUS (ACOEM practice guidelines), Physical medicine.");
    // No rationale: the form keeps the task open.
    tasklist.complete();
    browser.until("the form to ask for the rationale", () -> !decide.error("rationale").isEmpty());
    assertThat(decide.error("rationale")).isEqualTo("Field is required.");
    assertThat(states.isOpen(decision.getId())).isTrue();

    // A blank rationale passes the form's check but not the server's, and Tasklist shows why.
    decide.type("rationale", "   ");
    tasklist.complete();
    browser.until("the server's refusal shown", () -> tasklist.notifications().stream()
        .anyMatch(n -> n.contains("rationale is required")));
    browser.screenshot("2-04-server-refuses-blank-rationale");
    Axe.check(browser, "tasklist-decide-item-refused", FORM, FILTER_NAMES);
    assertThat(tasklist.notifications()).as("the refusal in its own words, not the engine's wrapper")
        .noneMatch(n -> n.contains("ENGINE-"));
    assertThat(states.isOpen(decision.getId())).isTrue();
    tasklist.dismissNotifications();

    String rationale = "The requested 8 visits on top of 11 completed exceed the 9-10 visits the guideline "
        + "recommends, and no functional improvement is documented.";
    decide.clear("rationale").type("rationale", rationale);
    tasklist.complete();
    browser.until("decide-item completed", () -> !states.isOpen(decision.getId()));
    states.runJobs(c);

    ImrCase decided = states.refreshed(c);
    assertThat(decided.getStatus()).isEqualTo(CaseStatus.LETTER_SENT);
    CaseItem decidedItem = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).get(0);
    assertThat(decidedItem.getDetermination()).isEqualTo(Determination.UPHELD);
    assertThat(decidedItem.getRationale()).isEqualTo(rationale);
    assertThat(decidedItem.getDecidedBy()).isEqualTo("dr-okafor");
  }

  @Test
  void aReviewerSeesOnlyTheirOwnTasks() {
    ImrCase mine = states.assignedTo("seed-pt-exceeds", "dr-chen");
    ImrCase theirs = states.assignedTo("seed-pt-exceeds", "dr-okafor");
    Task myTask = states.task(mine, Element.ATTEST_NO_CONFLICT);
    Task theirTask = states.task(theirs, Element.ATTEST_NO_CONFLICT);
    String filter = "My reviews by due date";

    tasklist.loginAs("dr-chen");
    assertThat(tasklist.filters()).as("a reviewer sees none of the coordinators' filters").containsExactly(filter);
    tasklist.waitForTask(filter, myTask.getId());
    assertThat(tasklist.listEntry(myTask.getId())).contains("Case: " + mine.getCaseNumber());
    List<String> listed = tasklist.listedTaskIds();
    assertThat(listed).contains(myTask.getId()).doesNotContain(theirTask.getId());
    assertThat(tasks.createTaskQuery().taskIdIn(listed.toArray(String[]::new)).list())
        .extracting(Task::getAssignee).containsOnly("dr-chen");
    browser.screenshot("4-01-reviewer-sees-own-tasks");

    // The other reviewer's task, opened by its address, is refused as if it did not exist.
    tasklist.openTaskLink(theirTask.getId());
    assertThat(tasklist.notification()).contains("No matching task with id " + theirTask.getId());
    assertThat(tasklist.showsTaskForm()).isFalse();
    browser.screenshot("4-02-other-reviewers-task-refused");
    assertThat(states.isOpen(theirTask.getId())).as("the task exists: only access was refused").isTrue();
  }

  @Test
  void noCaseDataStaysInTheBrowserAfterLogout() {
    ImrCase c = states.assignedTo("seed-pt-exceeds", "dr-chen");
    tasks.complete(states.task(c, Element.ATTEST_NO_CONFLICT).getId(), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    states.runJobs(c);
    Task summaryTask = states.task(c, Element.WRITE_CASE_SUMMARY);
    String draft = "Draft: lumbar strain after lifting, eleven visits so far";

    tasklist.loginAs("dr-chen");
    tasklist.waitForTask("My reviews by due date", summaryTask.getId());
    CamundaForm summary = tasklist.openTask(summaryTask.getId());
    summary.type("caseSummary", draft);
    tasklist.saveDraft();
    // Tasklist keeps the unfinished summary as a draft in the browser while the reviewer is logged in.
    browser.until("the draft kept in the browser", () -> tasklist.storage().contains("eleven visits so far"));

    tasklist.logout();
    browser.screenshot("4-03-logged-out");
    assertThat(tasklist.storage()).as("localStorage and sessionStorage after logout")
        .doesNotContain("eleven visits so far", c.getCaseNumber(), summaryTask.getId());
    assertThat(states.isOpen(summaryTask.getId())).as("the task itself is untouched").isTrue();
  }

  /** A view the task's form shows, computed as when the form loads (TaskFormViews); JSON as its text. */
  private String view(String taskId, String name) {
    var typed = views.of(taskId).getValueTyped(name);
    if (typed instanceof SerializableValue json && !json.isDeserialized()) {
      return json.getValueSerialized();
    }
    return typed == null ? null : String.valueOf(typed.getValue());
  }

  /** The labels of the dropdown options the assignment task's form shows. */
  private List<String> optionLabels(String taskId) {
    SpinJsonNode options = Spin.JSON(view(taskId, CaseProcess.REVIEWER_OPTIONS.name()));
    List<String> labels = new ArrayList<>();
    options.elements().forEach(o -> labels.add(o.prop("label").stringValue()));
    return labels;
  }
}
