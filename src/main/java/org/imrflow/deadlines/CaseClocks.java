package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.imrflow.deadlines.Deadlines.Deadline;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Sets a case's deadlines on the case: what the API and the SLA board show, and what the process's
 * deadline timers are set from ({@link TimerDates}), so both always agree; and the due date of the
 * review's tasks as the process variable {@code determinationDueAt}, which Cockpit shows.
 */
@Component
public class CaseClocks {

  private final Deadlines deadlines;
  private final BusinessClock clock;
  private final CaseJson json;

  CaseClocks(Deadlines deadlines, BusinessClock clock, CaseJson json) {
    this.deadlines = deadlines;
    this.clock = clock;
    this.json = json;
  }

  /** Records are due counted from the notice of assignment. */
  public void startRecordsClock(ImrCase c, LocalDate noticeDate) {
    Deadline due = deadlines.recordsDue(noticeDate, c.isExpedited());
    c.setNoticeDate(noticeDate);
    c.setRecordsDue(due.due());
    c.trackDeadline(due.due(), due.allowedDays(), due.atRiskOn());
  }

  /** Expedited records are due from the certification, but never later than they already were. */
  public void expediteRecordsClock(ImrCase c, LocalDate certifiedOn) {
    Deadline due = deadlines.recordsDue(certifiedOn, true);
    if (c.getRecordsDue() == null || due.due().isBefore(c.getRecordsDue())) {
      c.setRecordsDue(due.due());
      c.trackDeadline(due.due(), due.allowedDays(), due.atRiskOn());
    }
  }

  /**
   * The determination is due counted from complete records (or from an expedited certification);
   * in 5 working days when every disputed item is a formulary drug (one other item keeps the case's 30 days).
   */
  public void startDeterminationClock(ImrCase c, LocalDate start, VariableScope process) {
    Deadline due = deadlines.determinationDue(start, c.isExpedited(), json.application(c).everyItemFormulary(),
        c.getApplicationReceivedOn());
    c.setDeterminationDue(due.due());
    c.trackDeadline(due.due(), due.allowedDays(), due.atRiskOn());
    CaseProcess.DETERMINATION_DUE_AT.set(process, new Date(clock.endOf(due.due()).getTime() - 1000));
  }
}
