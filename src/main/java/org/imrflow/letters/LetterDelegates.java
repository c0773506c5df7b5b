package org.imrflow.letters;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.reviewers.ReviewerCandidates;
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
      letters.send(c, type, extra(c));
      sent(c);
    }

    /** Template variables beyond the case's own. */
    Map<String, Object> extra(ImrCase c) {
      return Map.of();
    }

    /** After every party was mailed. */
    void sent(ImrCase c) {
    }
  }

  @Component("sendNoticeOfAssignment")
  static class SendNoticeOfAssignment extends SendLetter {
    SendNoticeOfAssignment(Cases cases, Letters letters) {
      super(cases, letters, LetterType.NOARFI);
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
    private final ReviewerCandidates reviewers;
    private final BusinessClock clock;

    SendFinalLetter(Cases cases, Letters letters, ReviewerCandidates reviewers, BusinessClock clock) {
      super(cases, letters, LetterType.FINAL_DETERMINATION);
      this.reviewers = reviewers;
      this.clock = clock;
    }

    @Override
    void sent(ImrCase c) {
      c.setLetterSentOn(clock.today());
      c.setClosedOn(clock.today());
      c.moveTo(CaseStatus.LETTER_SENT);
      reviewers.reviewerChanged(c.getReviewerId());
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
