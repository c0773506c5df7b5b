package org.imrflow.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.imrflow.process.CachedDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * California's business days: Monday to Friday except the state holidays of the decision table
 * {@code california-state-holiday} (processes/california-holidays.dmn, with the Government Code
 * sections and the state's published list as sources). DOMAIN.md counts "business" and "working"
 * days on this calendar; everything else is calendar days.
 */
@Component
public class CaliforniaCalendar {

  public static final String DECISION = "california-state-holiday";

  private final Function<Integer, List<Map<String, Object>>> rowsOfYear;
  private final Map<Integer, Year> years = new ConcurrentHashMap<>();

  @Autowired
  CaliforniaCalendar(CachedDecisions decisions) {
    this(year -> decisions.evaluate(DECISION, Map.of("year", year)));
  }

  /** On any source of the table's rows for a year (tests: the standalone DMN engine). */
  public CaliforniaCalendar(Function<Integer, List<Map<String, Object>>> rowsOfYear) {
    this.rowsOfYear = rowsOfYear;
  }

  private record Year(int year, List<Map<String, Object>> rows, Map<LocalDate, String> holidays) {
  }

  /** Saturdays and Sundays are never business days (Civil Code 7, 9; CCP 12a). */
  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && holiday(day).isEmpty();
  }

  /** The state holiday kept on this day, by its name, if any. */
  public Optional<String> holiday(LocalDate day) {
    // A holiday kept on another day may cross the year's end (a Saturday New Year's Day is not
    // moved today, but a row may say so): near it, look in the neighbouring year too.
    int from = day.getDayOfYear() <= 7 ? day.getYear() - 1 : day.getYear();
    int to = day.getMonthValue() == 12 && day.getDayOfMonth() >= 24 ? day.getYear() + 1 : day.getYear();
    for (int year = from; year <= to; year++) {
      String name = holidays(year).get(day);
      if (name != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * The day {@code days} business days after {@code start}: the start itself is not counted,
   * whatever it is, and every counted day is a business day (1 business day after a Friday is the
   * Monday, or the Tuesday when that Monday is a holiday).
   */
  public LocalDate plusBusinessDays(LocalDate start, int days) {
    LocalDate day = start;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isBusinessDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The year's holidays on the days they are kept, worked out once per answer of the table. */
  Map<LocalDate, String> holidays(int year) {
    List<Map<String, Object>> rows = rowsOfYear.apply(year);
    Year known = years.get(year);
    if (known != null && known.rows() == rows) {
      return known.holidays();
    }
    Map<LocalDate, String> holidays = new HashMap<>();
    for (Map<String, Object> row : rows) {
      LocalDate kept = keptOn(year, row);
      holidays.putIfAbsent(kept, (String) row.get("name"));
    }
    Year computed = new Year(year, rows, Map.copyOf(holidays));
    years.put(year, computed);
    return computed.holidays();
  }

  private static LocalDate keptOn(int year, Map<String, Object> row) {
    int month = number(row.get("month"), 0);
    Integer dayOfMonth = row.get("day") == null ? null : number(row.get("day"), 0);
    LocalDate day;
    if (dayOfMonth != null) {
      day = LocalDate.of(year, month, dayOfMonth);
    } else {
      DayOfWeek weekday = DayOfWeek.valueOf(((String) row.get("weekday")).trim().toUpperCase(Locale.ROOT));
      int nth = number(row.get("nth"), 1);
      LocalDate first = LocalDate.of(year, month, 1);
      day = nth >= 5 ? first.with(TemporalAdjusters.lastInMonth(weekday))
          : first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
    }
    day = day.plusDays(number(row.get("plusDays"), 0));
    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = moved(day, (String) row.get("ifSunday"));
    } else if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      day = moved(day, (String) row.get("ifSaturday"));
    }
    return day;
  }

  /** To the nearest given weekday: FRIDAY before a Saturday, MONDAY after a Sunday. */
  private static LocalDate moved(LocalDate day, String to) {
    if (to == null || to.isBlank()) {
      return day;
    }
    DayOfWeek target = DayOfWeek.valueOf(to.trim().toUpperCase(Locale.ROOT));
    LocalDate after = day.with(TemporalAdjusters.next(target));
    LocalDate before = day.with(TemporalAdjusters.previous(target));
    return after.toEpochDay() - day.toEpochDay() <= day.toEpochDay() - before.toEpochDay() ? after : before;
  }

  private static int number(Object value, int otherwise) {
    return value == null ? otherwise : ((Number) value).intValue();
  }
}
