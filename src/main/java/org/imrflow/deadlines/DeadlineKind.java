package org.imrflow.deadlines;

/** The statutory time limits of an IMR, as named in {@code processes/review-deadlines.dmn}. */
public enum DeadlineKind {
  /** The application must be received within this many days of the UR decision's service. */
  APPLICATION,
  /** The claims administrator's records must be received within this many days of the notice. */
  RECORDS,
  /** The determination is due this many days after complete records. */
  DETERMINATION
}
