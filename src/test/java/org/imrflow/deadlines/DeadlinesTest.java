package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.imrflow.deadlines.DeadlineRules.NoticeDelivery;
import org.imrflow.deadlines.Deadlines.Deadline;
import org.junit.jupiter.api.Test;

/**
 * Deadline arithmetic over the real decision table: calendar days across month ends, year ends
 * and leap days (2024 has a February 29, 2023 has not), and the first at-risk day.
 */
class DeadlinesTest {

  private final Deadlines mailed = new Deadlines(new DmnDeadlineRules(), DmnCalendar.CALENDAR, NoticeDelivery.MAIL, 0.2);
  private final Deadlines electronic = new Deadlines(new DmnDeadlineRules(), DmnCalendar.CALENDAR, NoticeDelivery.ELECTRONIC, 0.2);

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  // ---- records (8 CCR 9792.10.5) ----

  @Test
  void recordsAreDueFifteenDaysAfterAMailedNoticeLandingOnTheLeapDay() {
    Deadline due = mailed.recordsDue(date("2024-02-14"), false);
    assertThat(due.due()).isEqualTo(date("2024-02-29"));
    assertThat(due.allowedDays()).isEqualTo(15);
    assertThat(due.source()).isEqualTo("8 CCR 9792.10.5(a)(1)");
  }

  @Test
  void recordsFromTheSameDayOfAYearWithoutLeapDayAreDueOnMarchFirst() {
    assertThat(mailed.recordsDue(date("2023-02-14"), false).due()).isEqualTo(date("2023-03-01"));
  }

  @Test
  void recordsAreDueTwelveDaysAfterAnElectronicNotice() {
    assertThat(electronic.recordsDue(date("2024-02-20"), false).due()).isEqualTo(date("2024-03-03"));
    assertThat(electronic.recordsDue(date("2023-02-20"), false).due()).isEqualTo(date("2023-03-04"));
    assertThat(electronic.recordsDue(date("2024-02-20"), false).allowedDays()).isEqualTo(12);
  }

  @Test
  void recordsCrossTheYearEnd() {
    assertThat(mailed.recordsDue(date("2024-12-20"), false).due()).isEqualTo(date("2025-01-04"));
  }

  @Test
  void expeditedRecordsAreDueTheNextDayWhateverTheNoticeDelivery() {
    assertThat(mailed.recordsDue(date("2024-02-28"), true).due()).isEqualTo(date("2024-02-29"));
    assertThat(mailed.recordsDue(date("2023-02-28"), true).due()).isEqualTo(date("2023-03-01"));
    assertThat(electronic.recordsDue(date("2024-12-31"), true).due()).isEqualTo(date("2025-01-01"));
    assertThat(mailed.recordsDue(date("2024-02-28"), true).allowedDays()).isEqualTo(1);
  }

  // ---- determination (LC 4610.6(d)) ----

  @Test
  void aRegularDeterminationSpanningFebruaryIsDueOneDayEarlierInALeapYear() {
    assertThat(mailed.determinationDue(date("2024-02-10"), false).due()).isEqualTo(date("2024-03-11"));
    assertThat(mailed.determinationDue(date("2023-02-10"), false).due()).isEqualTo(date("2023-03-12"));
  }

  @Test
  void aRegularDeterminationFromJanuary31stIsDueEarlyInMarch() {
    assertThat(mailed.determinationDue(date("2024-01-31"), false).due()).isEqualTo(date("2024-03-01"));
    assertThat(mailed.determinationDue(date("2023-01-31"), false).due()).isEqualTo(date("2023-03-02"));
  }

  @Test
  void aRegularDeterminationFromAThirtyOneDayMonthEndAndAcrossTheYearEnd() {
    assertThat(mailed.determinationDue(date("2024-03-31"), false).due()).isEqualTo(date("2024-04-30"));
    assertThat(mailed.determinationDue(date("2024-12-15"), false).due()).isEqualTo(date("2025-01-14"));
    Deadline due = mailed.determinationDue(date("2024-12-15"), false);
    assertThat(due.allowedDays()).isEqualTo(30);
    assertThat(due.source()).isEqualTo("LC 4610.6(d)");
  }

  @Test
  void anExpeditedDeterminationIsDueThreeDaysLaterAcrossTheLeapDay() {
    assertThat(mailed.determinationDue(date("2024-02-27"), true).due()).isEqualTo(date("2024-03-01"));
    assertThat(mailed.determinationDue(date("2023-02-27"), true).due()).isEqualTo(date("2023-03-02"));
    assertThat(mailed.determinationDue(date("2024-02-28"), true).due()).isEqualTo(date("2024-03-02"));
    assertThat(mailed.determinationDue(date("2024-02-28"), true).allowedDays()).isEqualTo(3);
  }

  // ---- formulary drug disputes (DOMAIN.md §1.7: 5 working days, from 2018) ----

  @Test
  void aFormularyDisputeIsDueFiveWorkingDaysLaterOverThanksgiving() {
    // Wednesday November 25, 2026: Thanksgiving and the day after are holidays, then Monday to Friday.
    Deadline due = mailed.determinationDue(date("2026-11-25"), false, true, date("2026-11-20"));
    assertThat(due.due()).isEqualTo(date("2026-12-04"));
    assertThat(due.allowedDays()).isEqualTo(5);
    assertThat(due.source()).isEqualTo("8 CCR 9792.10.6; LC 4610.6");
    assertThat(mailed.determinationDue(date("2018-01-02"), false, true, date("2018-01-01")).due())
        .isEqualTo(date("2018-01-09"));
  }

  @Test
  void aFormularyDisputeReceivedBefore2018KeepsThirtyDays() {
    Deadline due = mailed.determinationDue(date("2018-01-02"), false, true, date("2017-12-29"));
    assertThat(due.due()).isEqualTo(date("2018-02-01"));
    assertThat(due.allowedDays()).isEqualTo(30);
  }

  @Test
  void anExpeditedFormularyDisputeKeepsTheExpeditedThreeDays() {
    assertThat(mailed.determinationDue(date("2026-11-25"), true, true, date("2026-11-20")).due())
        .isEqualTo(date("2026-11-28"));
  }

  @Test
  void aDisputeThatIsNotAboutFormularyDrugsKeepsThirtyDays() {
    assertThat(mailed.determinationDue(date("2026-11-25"), false, false, date("2026-11-20")).due())
        .isEqualTo(date("2026-12-25"));
  }

  // ---- the application (LC 4610.5(h)(1); CCP 1013(a)) ----

  @Test
  void anApplicationIsOnTimeThirtyDaysAfterServicePlusFiveByMail() {
    assertThat(mailed.applicationDue(date("2024-03-01"), true)).isEqualTo(date("2024-04-05"));
    assertThat(mailed.applicationDue(date("2024-03-01"), false)).isEqualTo(date("2024-03-31"));
    assertThat(mailed.applicationDue(date("2024-01-30"), false)).isEqualTo(date("2024-02-29"));
    assertThat(mailed.applicationDue(date("2023-01-30"), false)).isEqualTo(date("2023-03-01"));
  }

  // ---- the first at-risk day: less than a fifth of the allowed time left ----

  @Test
  void thirtyDaysAreAtRiskWithFiveDaysLeft() {
    Deadline due = mailed.determinationDue(date("2024-02-10"), false);
    assertThat(due.atRiskOn()).isEqualTo(date("2024-03-06"));
    assertThat(due.due().toEpochDay() - due.atRiskOn().toEpochDay()).isEqualTo(5);
  }

  @Test
  void theAtRiskDayCountsTheLeapDay() {
    assertThat(mailed.determinationDue(date("2024-01-31"), false).atRiskOn()).isEqualTo(date("2024-02-25"));
    assertThat(mailed.determinationDue(date("2023-01-31"), false).atRiskOn()).isEqualTo(date("2023-02-25"));
  }

  @Test
  void threeExpeditedDaysAreAtRiskOnlyOnTheDueDay() {
    Deadline due = mailed.determinationDue(date("2024-02-27"), true);
    assertThat(due.atRiskOn()).isEqualTo(due.due());
  }

  @Test
  void fifteenRecordDaysAreAtRiskWithTwoDaysLeftAndOneDayOnlyOnTheDueDay() {
    Deadline records = mailed.recordsDue(date("2024-02-14"), false);
    assertThat(records.atRiskOn()).isEqualTo(date("2024-02-27"));
    Deadline expedited = mailed.recordsDue(date("2024-02-28"), true);
    assertThat(expedited.atRiskOn()).isEqualTo(expedited.due());
  }

  @Test
  void aLargerAtRiskShareMovesTheFirstAtRiskDayEarlier() {
    Deadlines third = new Deadlines(new DmnDeadlineRules(), DmnCalendar.CALENDAR, NoticeDelivery.MAIL, 1.0 / 3);
    assertThat(third.atRiskOn(date("2024-03-11"), 30)).isEqualTo(date("2024-03-02"));
  }
}
