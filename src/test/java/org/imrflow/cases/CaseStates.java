package org.imrflow.cases;

import java.time.LocalDate;

/**
 * Puts a case that is not in the engine (a unit test's) where a test needs it: in the application
 * only the lifecycle moves a case, and these are the steps it would have taken.
 */
public final class CaseStates {

  private CaseStates() {
  }

  public static ImrCase in(ImrCase c, CaseStatus status) {
    c.moveTo(status);
    return c;
  }

  public static ImrCase letterSent(ImrCase c, LocalDate on) {
    c.setLetterSentOn(on);
    c.setClosedOn(on);
    c.moveTo(CaseStatus.LETTER_SENT);
    return c;
  }
}
