package org.imrflow.reviewers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Completing {@code attest-no-conflict}: the reviewer's attestation is recorded. A declared conflict
 * removes the reviewer from this case's candidates and their access to it, and the case goes back
 * to assignment.
 */
@Component("attestationGuard")
class AttestationGuard implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AttestationGuard.class);

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final CaseAuthorizations authorizations;
  private final CaseAudit audit;

  AttestationGuard(Cases cases, ReviewerCandidates candidates, CaseAuthorizations authorizations, CaseAudit audit) {
    this.cases = cases;
    this.candidates = candidates;
    this.authorizations = authorizations;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    Boolean noConflict = input.yesNo(CaseProcess.NO_CONFLICT);
    String declared = input.optionalText(CaseProcess.DECLARED_CONFLICT, 2000);
    input.check();
    // Normalised, so that the gateway after the task sees a Boolean whatever the client sent.
    CaseProcess.NO_CONFLICT.set(task, noConflict);
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    String reviewerId = task.getAssignee();
    if (noConflict) {
      audit.record(c.getCaseNumber(), "ATTESTED", "reviewer " + reviewerId + " attested no conflict of interest");
      return;
    }
    c.decline(reviewerId);
    c.setReviewerId(null);
    c.setAssignedOn(null);
    c.moveTo(CaseStatus.REVIEWER_ASSIGNMENT);
    authorizations.revokeReviewer(task.getProcessInstanceId(), reviewerId);
    candidates.reviewerChanged(reviewerId);
    // The declared conflict may name people: it is kept in the task's history, not in the audit line.
    audit.record(c.getCaseNumber(), "CONFLICT_DECLARED", "reviewer " + reviewerId
        + " declared a conflict of interest" + (declared == null ? "" : " (statement on file)")
        + "; back to assignment");
    log.info("Case {}: reviewer {} declared a conflict, back to assignment", c.getCaseNumber(), reviewerId);
  }
}
