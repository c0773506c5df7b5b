package org.imrflow.deadlines;

/** The statutory time limits of an IMR, as named in {@code processes/review-deadlines.dmn}. */
public enum DeadlineKind {
  /** The application must be received within this many days of the UR decision's service. */
  APPLICATION,
  /** The claims administrator's records must be received within this many days of the notice. */
  RECORDS,
  /** The determination is due this many days after complete records. */
  DETERMINATION,
  /** The notice of assignment (NOARFI) goes out within this many business days of eligibility. */
  NOTICE_OF_ASSIGNMENT,
  /** An overturned item must be authorized within this many working days of the letter's receipt. */
  AUTHORIZATION
}
