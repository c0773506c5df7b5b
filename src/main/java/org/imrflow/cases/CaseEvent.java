package org.imrflow.cases;

import java.util.List;

/**
 * What happened to a case, published by {@link CaseLifecycle} in the engine's transaction for the
 * features that act on it ({@code @EventListener}), so that none of them calls another back.
 */
public sealed interface CaseEvent {

  String caseNumber();

  /** A coordinator assigned a reviewer who passed screening. */
  record ReviewerAssigned(String caseNumber, String processInstanceId, String reviewerId) implements CaseEvent {
  }

  /** The assigned reviewer declared a conflict of interest: the case is no longer theirs. */
  record ReviewerWithdrawn(String caseNumber, String processInstanceId, String reviewerId) implements CaseEvent {
  }

  /** The case ended (letter sent, ineligible, terminated or withdrawn); its reviewers then, none if none was assigned. */
  record CaseClosed(String caseNumber, CaseStatus status, List<String> reviewerIds) implements CaseEvent {
  }
}
