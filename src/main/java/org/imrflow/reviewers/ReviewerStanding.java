package org.imrflow.reviewers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * The assigned reviewer screened again, as at assignment, when they attest and at each decision: a
 * license or certification that lapsed on the way, or a conflict found since, hands the case back to
 * assignment (the model routes on {@code reviewerQualified}; CaseLifecycle does the rest).
 */
@Component
public class ReviewerStanding {

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final ReviewGroups groups;

  ReviewerStanding(Cases cases, ReviewerCandidates candidates, ReviewGroups groups) {
    this.groups = groups;
    this.cases = cases;
    this.candidates = candidates;
  }

  /** Whether the task's assignee still qualifies for its case; says so, and why not, in the process. */
  public boolean recheck(DelegateTask task) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    Candidate candidate = candidates.check(c, task.getAssignee(), groups.items(groups.of(c.getCaseNumber(), task)));
    // Set where the reviewer's group keeps them (review-by-reviewer's instance), not on the whole case.
    CaseProcess.REVIEWER_QUALIFIED.set(task.getExecution(), candidate.eligible());
    CaseProcess.REVIEWER_STANDING.set(task.getExecution(), String.join(", ", candidate.reasons()));
    return candidate.eligible();
  }

  /** A reviewer just screened and assigned qualifies. */
  static void assigned(DelegateTask task) {
    CaseProcess.REVIEWER_QUALIFIED.set(task.getExecution(), true);
    CaseProcess.REVIEWER_STANDING.set(task.getExecution(), "");
  }
}
