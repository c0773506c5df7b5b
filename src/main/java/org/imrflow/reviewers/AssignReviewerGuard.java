package org.imrflow.reviewers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.imrflow.security.CaseAuthorizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completing {@code assign-reviewer}: the chosen reviewer is screened again against the panel as it
 * is now, and refused unless eligible, whichever client completes the task. An accepted reviewer
 * gets read access to the case.
 */
@Component("assignReviewerGuard")
class AssignReviewerGuard implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AssignReviewerGuard.class);

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final CaseAuthorizations authorizations;
  private final CaseAudit audit;
  private final BusinessClock clock;

  AssignReviewerGuard(Cases cases, ReviewerCandidates candidates, CaseAuthorizations authorizations, CaseAudit audit,
      BusinessClock clock) {
    this.cases = cases;
    this.candidates = candidates;
    this.authorizations = authorizations;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String reviewerId = input.text(CaseProcess.REVIEWER_ID, 100);
    input.check();
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    Candidate candidate = candidates.check(c, reviewerId);
    if (!candidate.eligible()) {
      input.refuse("reviewer " + reviewerId + " is not eligible for case " + c.getCaseNumber() + ": "
          + String.join(", ", candidate.reasons()));
      input.check();
    }
    CaseProcess.REVIEWER_ID.set(task, reviewerId);
    c.setReviewerId(reviewerId);
    c.setAssignedOn(clock.today());
    c.moveTo(CaseStatus.IN_REVIEW);
    authorizations.grantReviewer(task.getProcessInstanceId(), reviewerId);
    candidates.reviewerChanged(reviewerId);
    audit.record(c.getCaseNumber(), "ASSIGNED", "reviewer " + reviewerId + " assigned; screening found no conflict"
        + (candidate.californiaLicensed() ? ", California licensed" : ""));
    log.info("Case {} assigned to reviewer {}", c.getCaseNumber(), reviewerId);
  }
}
