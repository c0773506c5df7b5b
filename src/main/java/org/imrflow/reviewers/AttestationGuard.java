package org.imrflow.reviewers;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completing {@code attest-no-conflict}: the attestation must be a yes or a no, a declared conflict's
 * statement at most 2000 characters. The reviewer is screened again (a license may have lapsed since
 * assignment). What a declared conflict or a lapse does (back to assignment, access
 * revoked, never offered this case again) follows in CaseLifecycle and ReviewerCaseEvents.
 */
@Component("attestationGuard")
class AttestationGuard implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(AttestationGuard.class);

  private final ReviewerStanding standing;

  AttestationGuard(ReviewerStanding standing) {
    this.standing = standing;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    Boolean noConflict = input.yesNo(CaseProcess.NO_CONFLICT);
    input.optionalText(CaseProcess.DECLARED_CONFLICT, 2000);
    input.check();
    // Normalised, so that the gateway after the task sees a Boolean whatever the client sent.
    CaseProcess.NO_CONFLICT.set(task, noConflict);
    if (noConflict && !standing.recheck(task)) {
      log.info("Case {}: reviewer {} no longer qualifies ({}), back to assignment", CaseProcess.CASE_NUMBER.from(task),
          task.getAssignee(), CaseProcess.REVIEWER_STANDING.from(task));
    }
    if (!noConflict) {
      log.info("Case {}: reviewer {} declared a conflict, back to assignment", CaseProcess.CASE_NUMBER.from(task),
          task.getAssignee());
    }
  }
}
