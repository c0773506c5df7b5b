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

  @Component("sendNoticeOfAssignment")
  static class SendNoticeOfAssignment implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;

    SendNoticeOfAssignment(Cases cases, Letters letters) {
      this.cases = cases;
      this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
      letters.send(cases.get(CaseProcess.CASE_NUMBER.from(execution)), LetterType.NOARFI);
    }
  }

  @Component("sendIneligibilityNotice")
  static class SendIneligibilityNotice implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;

    SendIneligibilityNotice(Cases cases, Letters letters) {
      this.cases = cases;
      this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
      letters.send(cases.get(CaseProcess.CASE_NUMBER.from(execution)), LetterType.INELIGIBILITY);
    }
  }

  @Component("sendRecordsReminder")
  static class SendRecordsReminder implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;

    SendRecordsReminder(Cases cases, Letters letters) {
      this.cases = cases;
      this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
      letters.send(cases.get(CaseProcess.CASE_NUMBER.from(execution)), LetterType.RECORDS_REMINDER);
    }
  }

  /** Mails the final determination and closes the case: the letter is what ends an IMR. */
  @Component("sendFinalLetter")
  static class SendFinalLetter implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;
    private final ReviewerCandidates reviewers;
    private final BusinessClock clock;

    SendFinalLetter(Cases cases, Letters letters, ReviewerCandidates reviewers, BusinessClock clock) {
      this.cases = cases;
      this.letters = letters;
      this.reviewers = reviewers;
      this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
      letters.send(c, LetterType.FINAL_DETERMINATION);
      c.setLetterSentOn(clock.today());
      c.setClosedOn(clock.today());
      c.moveTo(CaseStatus.LETTER_SENT);
      reviewers.panelChanged();
    }
  }

  @Component("sendTerminationNotice")
  static class SendTerminationNotice implements JavaDelegate {
    private final Cases cases;
    private final Letters letters;

    SendTerminationNotice(Cases cases, Letters letters) {
      this.cases = cases;
      this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
      ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
      String reason = c.getStatus() == CaseStatus.WITHDRAWN
          ? "the employee withdrew the application for independent medical review on " + LetterContent.date(c.getClosedOn()) + "."
          : "the claims administrator authorized the disputed treatment on " + LetterContent.date(c.getClosedOn()) + ".";
      letters.send(c, LetterType.TERMINATION, Map.of("endReasonText", reason));
    }
  }
}
