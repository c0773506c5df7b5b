package org.imrflow.letters;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.deadlines.Deadlines;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/** The service tasks that mail a letter, one delegate each, named as in the BPMN. */
final class LetterDelegates {

  private LetterDelegates() {
  }

  /** Mails one kind of letter for the execution's case; subclasses add what else the step does. */
  abstract static class SendLetter implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;
    private final LetterType type;

    SendLetter(Cases cases, Letters letters, LetterType type) {
      this.cases = cases;
      this.letters = letters;
      this.type = type;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
      sent(c, letters.deliver(c, type, extra(c)));
    }

    /** Template variables beyond the case's own. */
    Map<String, Object> extra(ImrCase c) {
      return Map.of();
    }

    /** After every party was mailed. */
    void sent(ImrCase c, Letters.Delivered letter) {
    }
  }

  /**
   * The notice of assignment, due 1 business day after eligibility (8 CCR 9792.10.4): the case keeps
   * the day it went out, and a late one is written in the audit trail for the managers.
   */
  @Component("sendNoticeOfAssignment")
  static class SendNoticeOfAssignment extends SendLetter {
    private final CaseAudit audit;
    private final BusinessClock clock;
    private final Deadlines deadlines;

    SendNoticeOfAssignment(Cases cases, Letters letters, CaseAudit audit, BusinessClock clock, Deadlines deadlines) {
      super(cases, letters, LetterType.NOARFI);
      this.deadlines = deadlines;
      this.audit = audit;
      this.clock = clock;
    }

    /** The day the last party was mailed, which a retry on a later day does not change. */
    @Override
    void sent(ImrCase c, Letters.Delivered letter) {
      LocalDate on = letter.lastSentAt() == null ? clock.today() : clock.dayOf(letter.lastSentAt());
      // Only read here: the letter's own deliveries say when it went out, and a write to the case
      // would race with a coordinator's records on another node (ClusterIT).
      if (c.noticeLate(on)) {
        audit.record(c.getCaseNumber(), CaseAction.NOTICE_OF_ASSIGNMENT_LATE, "NOARFI went out on " + on
            + ", due " + c.getNoticeDueOn() + " (" + deadlines.noticeOfAssignmentRule() + ")");
      }
    }
  }

  @Component("sendIneligibilityNotice")
  static class SendIneligibilityNotice extends SendLetter {
    SendIneligibilityNotice(Cases cases, Letters letters) {
      super(cases, letters, LetterType.INELIGIBILITY);
    }
  }

  @Component("sendRecordsReminder")
  static class SendRecordsReminder extends SendLetter {
    SendRecordsReminder(Cases cases, Letters letters) {
      super(cases, letters, LetterType.RECORDS_REMINDER);
    }
  }

  /** Mails the final determination and closes the case: the letter is what ends an IMR. */
  @Component("sendFinalLetter")
  static class SendFinalLetter extends SendLetter {
    SendFinalLetter(Cases cases, Letters letters) {
      super(cases, letters, LetterType.FINAL_DETERMINATION);
    }
  }

  /** Every party learns that a physician's certification made the review expedited, with its new deadlines. */
  @Component("sendExpeditedNotice")
  static class SendExpeditedNotice extends SendLetter {
    SendExpeditedNotice(Cases cases, Letters letters) {
      super(cases, letters, LetterType.EXPEDITED);
    }

    /** The records' new due date only while they are awaited. */
    @Override
    Map<String, Object> extra(ImrCase c) {
      return Map.of("recordsAwaitedUntil", c.getStatus() == CaseStatus.AWAITING_RECORDS
          ? LetterContent.date(c.getRecordsDue()) : "");
    }
  }

  @Component("sendTerminationNotice")
  static class SendTerminationNotice extends SendLetter {
    SendTerminationNotice(Cases cases, Letters letters) {
      super(cases, letters, LetterType.TERMINATION);
    }

    @Override
    Map<String, Object> extra(ImrCase c) {
      String on = LetterContent.date(c.getClosedOn());
      return Map.of("endReasonText", c.getStatus() == CaseStatus.WITHDRAWN
          ? "the employee withdrew the application for independent medical review on " + on + "."
          : "the claims administrator authorized the disputed treatment on " + on + ".");
    }
  }
}
