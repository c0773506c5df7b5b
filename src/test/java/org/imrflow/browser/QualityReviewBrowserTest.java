package org.imrflow.browser;

import org.imrflow.process.CaseProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.process.CaseProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quality reviewer's Tasklist: the draft letter and the automatic checks in the form, a return
 * refused without comments, and the returned item arriving in the reviewer's own list.
 */
@ExtendWith(BrowserExtension.class)
@IntegrationTest
class QualityReviewBrowserTest {

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired Cases cases;
  @Autowired TaskService tasks;

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
  void aQualityReviewerReadsTheDraftLetterAndReturnsAnItemToItsReviewer() {
    ImrCase c = states.assignedTo("seed-pt-exceeds", "dr-okafor");
    tasks.complete(states.task(c, Element.ATTEST_NO_CONFLICT).getId(), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    states.runJobs(c);
    tasks.complete(states.task(c, Element.WRITE_CASE_SUMMARY).getId(), Map.of(CaseProcess.CASE_SUMMARY.name(),
        "The patient is a 21 year old male with neck and low back pain after lifting boxes at work."));
    states.runJobs(c);
    tasks.complete(states.task(c, Element.DECIDE_ITEM).getId(), Map.of(CaseProcess.DETERMINATION.name(), "OVERTURNED",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99",
        CaseProcess.RATIONALE.name(), "Physical therapy for the neck and low back is within what the guideline recommends."));
    states.runJobs(c);
    Task review = states.task(c, Element.QUALITY_REVIEW);
    assertThat(states.refreshed(c).getStatus()).isEqualTo(CaseStatus.QUALITY_REVIEW);

    tasklist.loginAs("qa");
    assertThat(tasklist.filters()).containsExactly("Quality review");
    tasklist.waitForTask("Quality review", review.getId());
    assertThat(tasklist.listEntry(review.getId())).contains("Case: " + c.getCaseNumber());
    CamundaForm form = tasklist.openTask(review.getId());
    assertThat(form.text()).contains("Automatic checks",
        "Passed: Every item has a determination, a guideline and a rationale",
        "Passed: No reviewer name or identifying detail",
        "Open the draft letter as PDF",
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Overturned")
        .doesNotContain("Okafor");
    browser.screenshot("5-01-quality-review-draft-letter");
    Axe.check(browser, "tasklist-quality-review", ".fjs-container");
    tasklist.claim();

    // Returned without comments: the server refuses and says why; the task stays open.
    form.choose("qaOutcome", "Return items to the reviewer").choose("qaReturnedItems", "1. Overturned");
    tasklist.complete();
    browser.until("the server's refusal shown", () -> tasklist.notifications().stream()
        .anyMatch(n -> n.contains("qaComments is required")));
    browser.screenshot("5-02-return-without-comments-refused");
    Axe.check(browser, "tasklist-quality-review-refused", ".fjs-container");
    assertThat(states.isOpen(review.getId())).isTrue();
    tasklist.dismissNotifications();

    String comments = "The rationale does not say how many visits were already completed.";
    form.type("qaComments", comments);
    tasklist.complete();
    browser.until("quality review completed", () -> !states.isOpen(review.getId()));
    states.runJobs(c);
    assertThat(states.refreshed(c).getStatus()).isEqualTo(CaseStatus.IN_REVIEW);

    Task redo = states.task(c, Element.DECIDE_ITEM);
    assertThat(redo.getAssignee()).isEqualTo("dr-okafor");
    tasklist.loginAs("dr-okafor");
    tasklist.waitForTask("My reviews by due date", redo.getId());
    CamundaForm decide = tasklist.openTask(redo.getId());
    assertThat(decide.text()).contains("Returned by quality review", comments,
        "Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back");
    browser.screenshot("5-03-returned-item-in-reviewers-tasklist");
  }
}
