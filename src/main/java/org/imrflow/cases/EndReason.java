package org.imrflow.cases;

/** Why a review ended before its letter (API.md §5 terminate), with the status and audit line it ends in. */
public enum EndReason {
  TREATMENT_AUTHORIZED(CaseStatus.TERMINATED, CaseAction.TERMINATED),
  WITHDRAWN(CaseStatus.WITHDRAWN, CaseAction.WITHDRAWN);

  final CaseStatus status;
  final CaseAction action;

  EndReason(CaseStatus status, CaseAction action) {
    this.status = status;
    this.action = action;
  }
}
