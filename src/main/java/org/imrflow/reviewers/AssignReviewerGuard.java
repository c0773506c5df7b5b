package org.imrflow.reviewers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completing {@code assign-reviewer}: the chosen reviewer is screened again against the panel as it
 * is now, and refused unless eligible, whichever client completes the task. The assignment itself
 * (the case's reviewer, status, audit, the reviewer's access) follows in CaseLifecycle.
 */
@Component("assignReviewerGuard")
class AssignReviewerGuard implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AssignReviewerGuard.class);

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final ReviewGroups groups;

  AssignReviewerGuard(Cases cases, ReviewerCandidates candidates, ReviewGroups groups) {
    this.groups = groups;
    this.cases = cases;
    this.candidates = candidates;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String reviewerId = input.text(CaseProcess.REVIEWER_ID, 100);
    input.check();
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    // Screened for the task's group of items (every item, unless the case needs more than one reviewer).
    Candidate candidate = candidates.check(c, reviewerId, groups.items(groups.of(c.getCaseNumber(), task)));
    if (!candidate.eligible()) {
      input.refuse("reviewer " + reviewerId + " is not eligible for case " + c.getCaseNumber() + ": "
          + String.join(", ", candidate.reasons()));
      input.check();
    }
    CaseProcess.REVIEWER_ID.set(task, reviewerId);
    ReviewerStanding.assigned(task);
    log.info("Case {} assigned to reviewer {}", c.getCaseNumber(), reviewerId);
  }
}
