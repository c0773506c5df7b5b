package org.imrflow.reviewers;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroup;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a reviewer's profile changes, their open reviews are screened again: a conflict with a
 * party (a new affiliation) sends their items back to assignment at once, without that reviewer
 * (the model's "Conflict found" events: at attestation, summary or decision in the reviewer's own
 * instance of review-by-reviewer, or in quality review). A lapsed license waits for the reviewer's
 * next attestation or decision (ReviewerStanding), when the reviewer would act on it.
 */
@Component
class PanelUpdateRescreening {

  private static final Logger log = LoggerFactory.getLogger(PanelUpdateRescreening.class);

  private final ReviewGroups groups;
  private final ReviewerCandidates candidates;
  private final RuntimeService runtime;

  PanelUpdateRescreening(ReviewGroups groups, ReviewerCandidates candidates, RuntimeService runtime) {
    this.groups = groups;
    this.candidates = candidates;
    this.runtime = runtime;
  }

  void rescreen(String reviewerId) {
    for (ImrCase c : groups.openCasesOf(reviewerId)) {
      for (ReviewGroup group : groups.of(c.getCaseNumber())) {
        if (!reviewerId.equals(group.getReviewerId())) {
          continue;
        }
        List<String> conflicts = candidates.check(c, reviewerId, groups.items(group)).reasons().stream()
            .filter(reason -> reason.startsWith("CONFLICT_")).toList();
        if (!conflicts.isEmpty() && conflictFound(c, reviewerId, String.join(", ", conflicts))) {
          log.info("Case {}: reviewer {} now conflicts ({}), back to assignment", c.getCaseNumber(), reviewerId, conflicts);
          break;
        }
      }
    }
  }

  /** Sent to the reviewer's own waiting task, or to quality review; false when neither waits. */
  private boolean conflictFound(ImrCase c, String reviewerId, String conflicts) {
    boolean sent = false;
    for (EventSubscription waiting : runtime.createEventSubscriptionQuery().processInstanceId(c.getProcessInstanceId())
        .eventType("message").eventName(CaseProcess.MESSAGE_REVIEWER_CONFLICT_FOUND).list()) {
      if (CaseProcess.Element.CONFLICT_FOUND_AT_QUALITY_REVIEW.id.equals(waiting.getActivityId())) {
        runtime.messageEventReceived(CaseProcess.MESSAGE_REVIEWER_CONFLICT_FOUND, waiting.getExecutionId(), Map.of(
            CaseProcess.REVIEWER_STANDING.name(), conflicts, CaseProcess.CONFLICTED_REVIEWER_ID.name(), reviewerId));
        return true;
      }
      if (reviewerId.equals(runtime.getVariable(waiting.getExecutionId(), CaseProcess.REVIEWER_ID.name()))) {
        runtime.messageEventReceived(CaseProcess.MESSAGE_REVIEWER_CONFLICT_FOUND, waiting.getExecutionId(),
            Map.of(CaseProcess.REVIEWER_STANDING.name(), conflicts));
        sent = true;
      }
    }
    return sent;
  }
}
