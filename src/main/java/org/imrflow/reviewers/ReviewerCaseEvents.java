package org.imrflow.reviewers;

import org.imrflow.cases.CaseEvent.CaseClosed;
import org.imrflow.cases.CaseEvent.ReviewerAssigned;
import org.imrflow.cases.CaseEvent.ReviewerWithdrawn;
import org.imrflow.security.CaseAuthorizations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the reviewers feature does when a case changes hands: an assigned reviewer may read the case
 * (Tasklist, Cockpit), one who declared a conflict no longer may, and the panel's open-case counts follow.
 * Runs in the engine's transaction, so a rolled-back step grants nothing.
 */
@Component
class ReviewerCaseEvents {

  private final CaseAuthorizations authorizations;
  private final ReviewerCandidates candidates;

  ReviewerCaseEvents(CaseAuthorizations authorizations, ReviewerCandidates candidates) {
    this.authorizations = authorizations;
    this.candidates = candidates;
  }

  @EventListener
  void on(ReviewerAssigned assigned) {
    authorizations.grantReviewer(assigned.processInstanceId(), assigned.reviewerId());
    candidates.reviewerChanged(assigned.reviewerId());
  }

  @EventListener
  void on(ReviewerWithdrawn withdrawn) {
    authorizations.revokeReviewer(withdrawn.processInstanceId(), withdrawn.reviewerId());
    candidates.reviewerChanged(withdrawn.reviewerId());
  }

  /** The reviewer keeps reading a case they worked on; it just no longer counts among their open cases. */
  @EventListener
  void on(CaseClosed closed) {
    closed.reviewerIds().forEach(candidates::reviewerChanged);
  }
}
