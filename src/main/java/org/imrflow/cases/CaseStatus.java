package org.imrflow.cases;

/** Where a case stands (API.md §5). */
public enum CaseStatus {
  ELIGIBILITY_REVIEW(true),
  /** The claims administrator disputes liability: no review until a coordinator records it resolved. */
  DEFERRED(true),
  INELIGIBLE(false),
  AWAITING_RECORDS(true),
  REVIEWER_ASSIGNMENT(true),
  IN_REVIEW(true),
  /** Every item decided; a quality reviewer checks the determination before the letter (API.md §8). */
  QUALITY_REVIEW(true),
  LETTER_SENT(false),
  TERMINATED(false),
  WITHDRAWN(false);

  private final boolean open;

  CaseStatus(boolean open) {
    this.open = open;
  }

  public boolean isOpen() {
    return open;
  }
}
