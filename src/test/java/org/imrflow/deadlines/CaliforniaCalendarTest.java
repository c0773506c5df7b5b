package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imrflow.deadlines.DeadlineRules.NoticeDelivery;
import org.imrflow.deadlines.Deadlines.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The California business-day calendar on the real processes/california-holidays.dmn, checked
 * against the state's published lists (CalHR, State Holidays, 2013 and 2014) and at its
 * boundaries: weekends, holidays, Sunday holidays kept on Monday, Thanksgiving, Christmas and the
 * year's end.
 */
class CaliforniaCalendarTest {

  private final CaliforniaCalendar calendar = DmnCalendar.CALENDAR;
  private final Deadlines deadlines = new Deadlines(new DmnDeadlineRules(), calendar, NoticeDelivery.MAIL, 0.2);

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void the2014ListAsCalHrPublishedIt() {
    assertThat(holidays(2014)).containsExactly(
        "2014-01-01 New Year's Day", "2014-01-20 Martin Luther King, Jr. Day", "2014-02-17 Presidents' Day",
        "2014-03-31 Cesar Chavez Day", "2014-05-26 Memorial Day", "2014-07-04 Independence Day",
        "2014-09-01 Labor Day", "2014-11-11 Veterans Day", "2014-11-27 Thanksgiving Day",
        "2014-11-28 Day after Thanksgiving", "2014-12-25 Christmas Day");
  }

  @Test
  void the2013ListKeepsTheSundayCesarChavezDayOnMonday() {
    // CalHR 2013: "Monday, April 1 - Cesar Chavez Day (observed)*", "* Sunday holiday: Observed the following Monday."
    assertThat(calendar.holiday(date("2013-04-01"))).contains("Cesar Chavez Day");
    assertThat(calendar.holiday(date("2013-03-31"))).isEmpty();
    assertThat(holidays(2013)).contains("2013-01-21 Martin Luther King, Jr. Day", "2013-11-29 Day after Thanksgiving");
  }

  @Test
  void aSaturdayHolidayIsNotMovedExceptVeteransDayToTheFridayBefore() {
    // 2023: Veterans Day on Saturday, kept Friday November 10 (Gov. Code 19853; CalHR note **).
    assertThat(calendar.holiday(date("2023-11-10"))).contains("Veterans Day");
    assertThat(calendar.isBusinessDay(date("2023-11-10"))).isFalse();
    // 2022: Christmas on Sunday, kept Monday December 26; 2021: Christmas on Saturday, Friday the 24th stays a business day.
    assertThat(calendar.holiday(date("2022-12-26"))).contains("Christmas Day");
    assertThat(calendar.isBusinessDay(date("2021-12-24"))).isTrue();
    // 2017: New Year's Day on Sunday, kept Monday January 2.
    assertThat(calendar.isBusinessDay(date("2017-01-02"))).isFalse();
  }

  @ParameterizedTest(name = "{0} + {1} business days = {2}")
  @CsvSource({
      // an ordinary week, and a Friday over the weekend
      "2014-08-05, 1, 2014-08-06",
      "2014-08-08, 1, 2014-08-11",
      "2014-08-09, 1, 2014-08-11",
      "2014-08-10, 1, 2014-08-11",
      // over Labor Day weekend: Friday + 1 is Tuesday
      "2014-08-29, 1, 2014-09-02",
      // Thanksgiving: Wednesday + 1 is the Monday after (Thursday and Friday are holidays)
      "2014-11-26, 1, 2014-12-01",
      "2014-11-26, 5, 2014-12-05",
      // Christmas and New Year: five working days from Monday December 22, 2014
      "2014-12-22, 5, 2014-12-30",
      "2014-12-24, 5, 2015-01-02",
      "2014-12-31, 1, 2015-01-02",
      // a Sunday holiday kept on Monday: Friday Dec 23, 2022 + 1 is Tuesday Dec 27
      "2022-12-23, 1, 2022-12-27",
      // zero days is the day itself
      "2014-11-27, 0, 2014-11-27"})
  void businessDaysAfter(String start, int days, String expected) {
    assertThat(calendar.plusBusinessDays(date(start), days)).isEqualTo(date(expected));
  }

  @Test
  void theNoticeOfAssignmentIsDueOneBusinessDayAfterEligibility() {
    Deadline friday = deadlines.noticeOfAssignmentDue(date("2014-11-26"));
    assertThat(friday.due()).isEqualTo(date("2014-12-01"));
    assertThat(friday.allowedDays()).isEqualTo(1);
    assertThat(friday.source()).isEqualTo("8 CCR 9792.10.4");
    assertThat(deadlines.noticeOfAssignmentDue(date("2014-08-04")).due()).isEqualTo(date("2014-08-05"));
  }

  @Test
  void anOverturnedItemIsAuthorizedFiveWorkingDaysAfterTheLetterArrives() {
    Deadline christmas = deadlines.authorizationDue(date("2014-12-22"));
    assertThat(christmas.due()).isEqualTo(date("2014-12-30"));
    assertThat(christmas.source()).isEqualTo("8 CCR 9792.10.7");
    assertThat(deadlines.authorizationDue(date("2014-11-24")).due()).isEqualTo(date("2014-12-03"));
  }

  @Test
  void calendarDayDeadlinesStayCalendarDays() {
    // 15 days from a mailed notice end on Thanksgiving Day itself: the table counts calendar days there.
    assertThat(deadlines.recordsDue(date("2014-11-12"), false).due()).isEqualTo(date("2014-11-27"));
  }

  private List<String> holidays(int year) {
    Map<LocalDate, String> sorted = new TreeMap<>(calendar.holidays(year));
    return sorted.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }
}
