package org.imrflow.deadlines;

import java.time.LocalDate;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.ImrCase;

/** The state of a case against its deadline (API.md §5). */
public enum Sla {
  BREACHED, AT_RISK, ON_TRACK, MET;

  /** Null for a case closed without a determination (ineligible, terminated, withdrawn). */
  public static Sla of(ImrCase c, LocalDate today) {
    if (c.getStatus() == CaseStatus.LETTER_SENT) {
      boolean late = c.getDeterminationDue() != null && c.getLetterSentOn() != null
          && c.getLetterSentOn().isAfter(c.getDeterminationDue());
      return late ? BREACHED : MET;
    }
    if (!c.isOpen()) {
      return null;
    }
    return of(c.getDeadline(), c.getAtRiskOn(), today);
  }

  public static Sla of(LocalDate deadline, LocalDate atRiskOn, LocalDate today) {
    if (deadline == null) {
      return ON_TRACK;
    }
    if (today.isAfter(deadline)) {
      return BREACHED;
    }
    if (atRiskOn != null && !today.isBefore(atRiskOn)) {
      return AT_RISK;
    }
    return ON_TRACK;
  }
}
