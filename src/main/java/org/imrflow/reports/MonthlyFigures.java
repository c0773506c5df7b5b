package org.imrflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imrflow.intake.IneligibilityReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the monthly report: every figure is about the applications received in the
 * month (a range of the index on application_received_on), read from the case table's read model
 * and the decided items. Plain SQL that H2 and PostgreSQL both take; the day counts are summed in
 * Java because the two databases subtract dates differently.
 */
@Component
class MonthlyFigures {

  private static final String IN_MONTH = " application_received_on >= ? and application_received_on < ? ";

  private final JdbcTemplate jdbc;

  MonthlyFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  MonthlyReport of(YearMonth month) {
    Date from = Date.valueOf(month.atDay(1));
    Date until = Date.valueOf(month.plusMonths(1).atDay(1));

    long[] counts = jdbc.queryForObject("select count(*), "
            + "coalesce(sum(case when eligible = true then 1 else 0 end), 0), "
            + "coalesce(sum(case when letter_sent_on is not null then 1 else 0 end), 0) "
            + "from imr_case where" + IN_MONTH,
        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, from, until);
    long total = counts[0];
    long eligible = counts[1];
    long determinations = counts[2];

    Map<String, Long> ineligible = ineligibleByReason(from, until);
    long duplicates = ineligible.getOrDefault(IneligibilityReason.DUPLICATE.name(), 0L);

    long[] items = new long[2];
    jdbc.query("select i.determination, count(*) from case_item i join imr_case c on c.case_number = i.case_number "
            + "where c.application_received_on >= ? and c.application_received_on < ? "
            + "and c.letter_sent_on is not null and i.determination is not null group by i.determination",
        rs -> {
          switch (rs.getString(1)) {
            case "UPHELD" -> items[0] += rs.getLong(2);
            case "OVERTURNED" -> items[1] += rs.getLong(2);
            default -> { }
          }
        }, from, until);
    long decided = items[0] + items[1];
    double overturnRate = decided == 0 ? 0 : round((double) items[1] / decided, 4);

    Mean fromAssignment = new Mean();
    Mean fromCompleteRecords = new Mean();
    jdbc.query("select notice_date, records_complete_on, letter_sent_on from imr_case where" + IN_MONTH
            + "and letter_sent_on is not null",
        rs -> {
          LocalDate letter = rs.getObject(3, LocalDate.class);
          fromAssignment.add(rs.getObject(1, LocalDate.class), letter);
          fromCompleteRecords.add(rs.getObject(2, LocalDate.class), letter);
        }, from, until);

    Long returns = jdbc.queryForObject("select count(*) from case_audit a join imr_case c on c.case_number = a.case_number "
        + "where c.application_received_on >= ? and c.application_received_on < ? and a.action = 'QA_RETURNED'",
        Long.class, from, until);

    return new MonthlyReport(month.toString(),
        new MonthlyReport.Applications(total, total - duplicates, eligible, ineligible),
        determinations, items[0], items[1], overturnRate, fromAssignment.value(), fromCompleteRecords.value(),
        returns == null ? 0 : returns);
  }

  /** Every known reason appears (0 when none), then any other code found in the data. */
  private Map<String, Long> ineligibleByReason(Date from, Date until) {
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (IneligibilityReason reason : IneligibilityReason.values()) {
      byReason.put(reason.name(), 0L);
    }
    jdbc.query("select eligibility_reasons, count(*) from imr_case where" + IN_MONTH
            + "and eligible = false group by eligibility_reasons",
        rs -> {
          String reasons = rs.getString(1);
          if (reasons == null || reasons.isBlank()) {
            return;
          }
          for (String reason : reasons.split(",")) {
            byReason.merge(reason.trim(), rs.getLong(2), Long::sum);
          }
        }, from, until);
    return byReason;
  }

  /** A mean of whole days between two dates, over the cases that have both. */
  private static final class Mean {
    private long days;
    private long count;

    void add(LocalDate start, LocalDate end) {
      if (start != null && end != null) {
        days += ChronoUnit.DAYS.between(start, end);
        count++;
      }
    }

    Double value() {
      return count == 0 ? null : round((double) days / count, 2);
    }
  }

  private static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
