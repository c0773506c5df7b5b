package org.imrflow.guidelines;

import java.util.Optional;

/**
 * The patterns of every category (DOMAIN.md §4b): a request with no quantity, duration, body part or
 * procedure was upheld in all 11 items where it was a reason, and the remainder of a partial UR
 * approval in all 7. They decide before the category's own criteria, and only on the facts stated.
 */
final class RequestPatterns {

  static final String UNSPECIFIED = "GENERIC-UNSPECIFIED-REQUEST";
  static final String REMAINDER = "GENERIC-PARTIAL-APPROVAL-REMAINDER";

  private RequestPatterns() {
  }

  static Optional<Assessment> check(ItemContext c) {
    if (Boolean.FALSE.equals(c.bool(Fact.requestSpecified))) {
      return Optional.of(Assessment.notRecommended(UNSPECIFIED, c.citation(), "The request does not state its"
          + " quantity, duration, body part or procedure: an open-ended request cannot be found medically necessary"
          + " as requested."));
    }
    if (Boolean.TRUE.equals(c.bool(Fact.partialApprovalRemainder))) {
      return Optional.of(Assessment.exceeds(REMAINDER, c.citation(), "Utilization review approved part of this"
          + " request; the remainder goes beyond what the records support now, to be reconsidered after the approved"
          + " part is reported."));
    }
    return Optional.empty();
  }
}
