package org.imrflow.deadlines;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.reviewers.ReviewerCandidates;
import org.springframework.stereotype.Component;

/**
 * The claims administrator authorized the treatment, or the employee withdrew: the review ends
 * without a determination (its open tasks were cancelled by the event that got here).
 */
@Component("closeCaseEarly")
class CloseCaseEarly implements JavaDelegate {

  static final String ENDED_ON = "endedOn";

  private final Cases cases;
  private final ReviewerCandidates reviewers;
  private final CaseAudit audit;

  CloseCaseEarly(Cases cases, ReviewerCandidates reviewers, CaseAudit audit) {
    this.cases = cases;
    this.reviewers = reviewers;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    EndReason reason = EndReason.valueOf(CaseProcess.END_REASON.from(execution));
    c.moveTo(reason.status);
    c.setClosedOn(LocalDate.parse((String) execution.getVariable(ENDED_ON)));
    if (c.getReviewerId() != null) {
      // The reviewer keeps reading the case they worked on (access is revoked only on a declared
      // conflict); it just no longer counts among their open cases.
      reviewers.panelChanged();
    }
    audit.record(c.getCaseNumber(), reason.status.name(), reason.name() + " on " + c.getClosedOn());
  }

  /** Why a review ended before its letter (API.md §5 terminate). */
  public enum EndReason {
    TREATMENT_AUTHORIZED(CaseStatus.TERMINATED),
    WITHDRAWN(CaseStatus.WITHDRAWN);

    final CaseStatus status;

    EndReason(CaseStatus status) {
      this.status = status;
    }
  }
}
