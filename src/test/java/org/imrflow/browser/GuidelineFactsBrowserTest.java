package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Cases;
import org.imrflow.cases.Determination;
import org.imrflow.cases.ImrCase;
import org.imrflow.guidelines.GuidelineCheck;
import org.imrflow.intake.Intake;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.process.TaskFormViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewer states the clinical facts in the decide-item form and asks for a re-check: the task
 * comes back with the verdict and the guideline to cite that the facts lead to, and the decision is
 * kept with them. The case is one of 2016, when the encoded MTUS was in force.
 */
@ExtendWith(BrowserExtension.class)
@IntegrationTest
class GuidelineFactsBrowserTest {

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired Cases cases;
  @Autowired CaseJson json;
  @Autowired CaseItemRepository items;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskFormViews views;

  private Browser browser;
  private Tasklist tasklist;
  private CaseStates states;

  @BeforeEach
  void setUp(Browser browser, CaseStates states) {
    EngineClock.reset();
    this.browser = browser;
    this.tasklist = new Tasklist(browser, "http://localhost:" + port);
    this.states = states;
  }

  @Test
  void theReviewerEntersFactsAndTheVerdictChangesUnderTheSameCitation() {
    ImrCase c = mriCaseOf2016AssignedTo("dr-okafor");
    tasks.complete(states.task(c, Element.ATTEST_NO_CONFLICT).getId(), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    states.runJobs(c);
    tasks.complete(states.task(c, Element.WRITE_CASE_SUMMARY).getId(), Map.of(CaseProcess.CASE_SUMMARY.name(),
        "Low back pain after lifting; no neurologic deficit on examination."));
    states.runJobs(c);
    String filter = "My reviews by due date";
    tasklist.loginAs("dr-okafor");

    Task first = states.task(c, Element.DECIDE_ITEM);
    tasklist.waitForTask(filter, first.getId());
    CamundaForm before = tasklist.openTask(first.getId());
    assertThat(before.text()).contains("NEEDS_CLINICAL_JUDGEMENT", "none: clinical judgement",
        "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.", "redFlags");
    assertThat(before.value("clinicalFacts")).contains("redFlags: ", "objectiveNeuroDeficit: ");
    browser.screenshot("5-01-decide-item-facts-missing");

    before.clear("clinicalFacts").type("clinicalFacts", "redFlags: none\nobjectiveNeuroDeficit: no\n"
        + "conservativeCareWeeks: 6");
    before.check("recheck");
    browser.screenshot("5-02-decide-item-facts-stated");
    Axe.check(browser, "tasklist-decide-item-facts", ".fjs-container");
    tasklist.complete();
    browser.until("the re-check requested", () -> !states.isOpen(first.getId()));
    states.runJobs(c);

    Task second = states.task(c, Element.DECIDE_ITEM);
    tasklist.waitForTask(filter, second.getId());
    CamundaForm after = tasklist.openTask(second.getId());
    assertThat(after.text()).contains("NOT_RECOMMENDED", "UPHELD", "no objective neurologic deficit",
        "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    assertThat(after.value("clinicalFacts")).contains("redFlags: none", "objectiveNeuroDeficit: no");
    browser.screenshot("5-03-decide-item-verdict-after-facts");

    after.choose("determination", "Upheld")
        .type("imroGuideline", (String) views.of(second.getId()).get(CaseProcess.SUGGESTED_GUIDELINE.name()))
        .type("rationale", "No red flag and no objective neurologic deficit after six weeks of care.");
    tasklist.complete();
    browser.until("decide-item completed", () -> !states.isOpen(second.getId()));
    states.runJobs(c);

    CaseItem item = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).get(0);
    assertThat(item.getDetermination()).isEqualTo(Determination.UPHELD);
    assertThat(item.getImroGuideline())
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    assertThat(json.facts(item)).containsEntry("objectiveNeuroDeficit", false).containsEntry("conservativeCareWeeks", 6);
    assertThat(GuidelineCheck.storedOn(item, json).suggestedDetermination()).isEqualTo(Determination.UPHELD);
  }

  /** The seed's application moved to 2016, disputing a lumbar MRI, assigned to the reviewer. */
  private ImrCase mriCaseOf2016AssignedTo(String reviewerId) {
    ObjectNode application = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"),
        LocalDate.of(2016, 12, 5));
    ObjectNode mri = application.putArray("disputedItems").addObject();
    mri.put("description", "MRI of the lumbar spine without contrast").put("category", "IMAGING")
        .putArray("bodyRegions").add("LOW_BACK");
    ImrCase c = intake.apply(TestCases.application(application));
    states.runJobs(c);
    c = states.recordsComplete(states.refreshed(c));
    tasks.complete(states.task(c, Element.ASSIGN_REVIEWER).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), reviewerId));
    states.runJobs(c);
    return states.refreshed(c);
  }
}
