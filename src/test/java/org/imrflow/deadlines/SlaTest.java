package org.imrflow.deadlines;

import org.imrflow.cases.CaseStates;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.ImrCase;
import org.imrflow.deadlines.DeadlineRules.NoticeDelivery;
import org.imrflow.deadlines.Deadlines.Deadline;
import org.junit.jupiter.api.Test;

/**
 * The state of a case against its deadline (API.md §5), day by day around each boundary: on track
 * while at least a fifth of the allowed time is left, at risk below that and on the due day itself,
 * breached from the day after.
 */
class SlaTest {

  private final Deadlines deadlines = new Deadlines(new DmnDeadlineRules(), DmnCalendar.CALENDAR, NoticeDelivery.MAIL, 0.2);

  private static Sla on(Deadline d, LocalDate today) {
    return Sla.of(d.due(), d.atRiskOn(), today);
  }

  @Test
  void thirtyDaysWithSixDaysLeftAreOnTrackAndWithFiveAtRisk() {
    Deadline d = deadlines.determinationDue(LocalDate.of(2024, 2, 10), false);
    assertThat(on(d, d.due().minusDays(30))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, d.due().minusDays(6))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, d.due().minusDays(5))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, d.due().minusDays(1))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, d.due())).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, d.due().plusDays(1))).isEqualTo(Sla.BREACHED);
  }

  @Test
  void thirtyDaysEndingAfterTheLeapDay() {
    Deadline d = deadlines.determinationDue(LocalDate.of(2024, 1, 31), false);
    assertThat(d.due()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(on(d, LocalDate.of(2024, 2, 24))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, LocalDate.of(2024, 2, 25))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 2, 29))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 3, 1))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 3, 2))).isEqualTo(Sla.BREACHED);
  }

  @Test
  void threeExpeditedDaysWithOneDayLeftAreOnTrackAndOnTheDueDayAtRisk() {
    Deadline d = deadlines.determinationDue(LocalDate.of(2024, 2, 27), true);
    assertThat(on(d, LocalDate.of(2024, 2, 27))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, LocalDate.of(2024, 2, 29))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, LocalDate.of(2024, 3, 1))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 3, 2))).isEqualTo(Sla.BREACHED);
  }

  @Test
  void fifteenRecordDaysWithThreeDaysLeftAreOnTrackAndWithTwoAtRisk() {
    Deadline d = deadlines.recordsDue(LocalDate.of(2024, 2, 14), false);
    assertThat(on(d, LocalDate.of(2024, 2, 26))).isEqualTo(Sla.ON_TRACK);
    assertThat(on(d, LocalDate.of(2024, 2, 27))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 2, 29))).isEqualTo(Sla.AT_RISK);
    assertThat(on(d, LocalDate.of(2024, 3, 1))).isEqualTo(Sla.BREACHED);
  }

  @Test
  void aCaseWhoseClockHasNotStartedIsOnTrack() {
    assertThat(Sla.of(null, null, LocalDate.of(2024, 3, 1))).isEqualTo(Sla.ON_TRACK);
  }

  @Test
  void aLetterSentByTheDueDayMeetsTheDeadlineAndALaterOneBreachesIt() {
    LocalDate due = LocalDate.of(2024, 3, 11);
    assertThat(Sla.of(sent(due, due), due.plusDays(40))).isEqualTo(Sla.MET);
    assertThat(Sla.of(sent(due, due.plusDays(1)), due.plusDays(40))).isEqualTo(Sla.BREACHED);
  }

  @Test
  void aCaseClosedWithoutDeterminationHasNoState() {
    ImrCase c = newCase();
    CaseStates.in(c, CaseStatus.WITHDRAWN);
    assertThat(Sla.of(c, LocalDate.of(2024, 3, 1))).isNull();
  }

  @Test
  void anOpenCaseIsJudgedByTheDeadlineItTracks() {
    ImrCase c = newCase();
    Deadline d = deadlines.recordsDue(LocalDate.of(2024, 2, 14), false);
    CaseStates.in(c, CaseStatus.AWAITING_RECORDS);
    c.trackDeadline(d.due(), d.allowedDays(), d.atRiskOn());
    assertThat(Sla.of(c, LocalDate.of(2024, 2, 26))).isEqualTo(Sla.ON_TRACK);
    assertThat(Sla.of(c, LocalDate.of(2024, 2, 27))).isEqualTo(Sla.AT_RISK);
    assertThat(Sla.of(c, LocalDate.of(2024, 3, 1))).isEqualTo(Sla.BREACHED);
  }

  private static ImrCase sent(LocalDate due, LocalDate letterSentOn) {
    ImrCase c = newCase();
    c.setDeterminationDue(due);
    return CaseStates.letterSent(c, letterSentOn);
  }

  private static ImrCase newCase() {
    return new ImrCase("CM24-9999999", false, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 25), "key", "{}",
        Instant.parse("2024-02-01T20:00:00Z"));
  }
}
