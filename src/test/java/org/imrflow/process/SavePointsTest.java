package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.junit.jupiter.api.Test;

/**
 * Every asynchronous save point of {@code imr-case}, with why it pays (issue 18). A save point costs
 * a job row, its acquisition and a transaction per case; it is kept only where a failure after it
 * would otherwise lose a person's completed work or repeat an outside effect (mail). Adding or
 * removing one fails this test until it is listed here with its reason.
 *
 * <p>Dropped: after chase-overdue-records, assign-reviewer and attest-no-conflict. What follows them
 * up to the next wait state is the engine's own steps, the deadline clock and the next task's views;
 * a failure there refuses the click (the person sees the error and the form keeps its input), and
 * there is no written work to lose. (The one after assign-reviewer came back once when four browser
 * journeys no longer found the reviewer's attestation in their Tasklist filter: not the save point's
 * doing, but the filter's first page of 15, which the suite's other tests fill with the same
 * reviewer's earlier-due tasks once an assignment creates them at once; the journeys page on now.)
 */
class SavePointsTest {

  private static final String MAIL = "mail leaves the caller's transaction: the person's click, the intake or the "
      + "timer commits first, and a refused or unreachable mail server fails (and retries) only this job, whose "
      + "deliveries are recorded exactly once (letters.Letters), never the work before it";

  /** element id -> "before"/"after": why. */
  private static final Map<String, String> SAVE_POINTS = Map.ofEntries(
      Map.entry("send-ineligibility-notice before", MAIL),
      Map.entry("send-notice-of-assignment before", MAIL + "; the intake's request answers without waiting for SMTP"),
      Map.entry("send-records-reminder before", MAIL + "; the records-due timer commits without it"),
      Map.entry("send-final-letter before", MAIL + "; the quality reviewer's approval or the last decision commits first"),
      Map.entry("send-expedited-notice before", MAIL + "; the physician's certification (a message) commits first"),
      Map.entry("send-termination-notice before", MAIL + "; the withdrawal or authorization (a message) commits first"),
      Map.entry("warn-managers before", "the managers' mail (no delivery records) leaves the at-risk timer's transaction, "
          + "which races with people on the review's scope: a retried timer would mail them again"),
      Map.entry("write-case-summary after", "the reviewer's written summary is kept when the guideline checks of every "
          + "item that run next fail (an incident to retry, not a refused summary)"),
      Map.entry("decide-item after", "the reviewer's determination and rationale are kept when what runs next fails: a "
          + "re-check's guideline checks, after the last item the quality sampling (DMN) and the quality review's "
          + "draft letter"),
      Map.entry("quality-review after", "the quality reviewer's comments are kept when the returned items' guideline checks "
          + "fail; on approval the letter's own save point follows"));

  @Test
  void everySavePointOfTheCaseProcessIsListedWithItsReason() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/imr-case.bpmn"));
    Map<String, Boolean> found = new TreeMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.isCamundaAsyncBefore()) {
        found.put(node.getId() + " before", true);
      }
      if (node.isCamundaAsyncAfter()) {
        found.put(node.getId() + " after", true);
      }
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      assertThat(loop.isCamundaAsyncBefore() || loop.isCamundaAsyncAfter())
          .as("a multi-instance body's save point is not listed here").isFalse();
    }
    assertThat(found.keySet()).as("save points in processes/imr-case.bpmn (list each one here with its reason)")
        .containsExactlyInAnyOrderElementsOf(SAVE_POINTS.keySet());
    SAVE_POINTS.values().forEach(reason -> assertThat(reason).isNotBlank());
  }
}
