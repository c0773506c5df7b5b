package org.imrflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the trend of the monthly figures. Applications count in the month they were
 * received, determinations in the month their letter went out (what a manager watches month by
 * month), each letter on time when sent by its case's determination due date. Day counts are taken
 * in Java, as in {@link MonthlyFigures}, since H2 and PostgreSQL subtract dates differently.
 */
@Component
class TrendFigures {

  /** The stages of a case between the dates the read model keeps, in their order. */
  private static final String[][] STAGES = {
      {"SCREENING", "application_received_on", "notice_date"},
      {"RECORDS", "notice_date", "records_complete_on"},
      {"ASSIGNMENT", "records_complete_on", "assigned_on"},
      {"REVIEW", "assigned_on", "decided_on"},
      {"LETTER", "decided_on", "letter_sent_on"}};

  private final JdbcTemplate jdbc;

  TrendFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  TrendReport of(YearMonth from, YearMonth to) {
    Date start = Date.valueOf(from.atDay(1));
    Date end = Date.valueOf(to.plusMonths(1).atDay(1));

    Map<YearMonth, long[]> perMonth = new LinkedHashMap<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      perMonth.put(m, new long[3]);
    }
    jdbc.query("select application_received_on from imr_case where application_received_on >= ? "
            + "and application_received_on < ?",
        rs -> {
          perMonth.get(YearMonth.from(rs.getObject(1, LocalDate.class)))[0]++;
        }, start, end);

    List<long[]> stageDays = new ArrayList<>();
    for (int i = 0; i < STAGES.length; i++) {
      stageDays.add(new long[2]);
    }
    StringBuilder columns = new StringBuilder("letter_sent_on, determination_due");
    for (String[] stage : STAGES) {
      columns.append(", ").append(stage[1]).append(", ").append(stage[2]);
    }
    jdbc.query("select " + columns + " from imr_case where letter_sent_on >= ? and letter_sent_on < ?",
        rs -> {
          LocalDate letter = rs.getObject(1, LocalDate.class);
          LocalDate due = rs.getObject(2, LocalDate.class);
          long[] month = perMonth.get(YearMonth.from(letter));
          month[1]++;
          if (due != null && !letter.isAfter(due)) {
            month[2]++;
          }
          for (int i = 0; i < STAGES.length; i++) {
            LocalDate a = rs.getObject(3 + 2 * i, LocalDate.class);
            LocalDate b = rs.getObject(4 + 2 * i, LocalDate.class);
            if (a != null && b != null) {
              stageDays.get(i)[0] += ChronoUnit.DAYS.between(a, b);
              stageDays.get(i)[1]++;
            }
          }
        }, start, end);

    List<TrendReport.Month> months = new ArrayList<>();
    perMonth.forEach((month, n) -> months.add(new TrendReport.Month(month.toString(), n[0], n[1], n[2],
        n[1] == 0 ? null : round((double) n[2] / n[1]))));

    List<TrendReport.Stage> stages = new ArrayList<>();
    for (int i = 0; i < STAGES.length; i++) {
      long[] d = stageDays.get(i);
      stages.add(new TrendReport.Stage(STAGES[i][0], d[1] == 0 ? null : round((double) d[0] / d[1]), d[1]));
    }

    return new TrendReport(from.toString(), to.toString(), months, overturnsByCategory(start, end), stages);
  }

  private List<TrendReport.CategoryOverturns> overturnsByCategory(Date start, Date end) {
    Map<String, long[]> byCategory = new LinkedHashMap<>();
    jdbc.query("select i.category, i.determination, count(*) from case_item i "
            + "join imr_case c on c.case_number = i.case_number "
            + "where c.letter_sent_on >= ? and c.letter_sent_on < ? and i.determination is not null "
            + "group by i.category, i.determination order by i.category",
        rs -> {
          long[] n = byCategory.computeIfAbsent(rs.getString(1), k -> new long[2]);
          switch (rs.getString(2)) {
            case "UPHELD" -> n[0] += rs.getLong(3);
            case "OVERTURNED" -> n[1] += rs.getLong(3);
            default -> { }
          }
        }, start, end);
    List<TrendReport.CategoryOverturns> result = new ArrayList<>();
    byCategory.forEach((category, n) -> {
      if (n[0] + n[1] > 0) {
        result.add(new TrendReport.CategoryOverturns(category, n[0], n[1], round((double) n[1] / (n[0] + n[1]))));
      }
    });
    return result;
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }
}
