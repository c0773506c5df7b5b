package org.imrflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.imrflow.cases.DisputedItem;
import org.imrflow.intake.IneligibilityReason;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
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
  private final ReviewerPanelService panel;

  MonthlyFigures(JdbcTemplate jdbc, ReviewerPanelService panel) {
    this.jdbc = jdbc;
    this.panel = panel;
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
        returns == null ? 0 : returns, itemsByCategory(from, until), reviewers(from, until));
  }

  /** Every category (0 when none), then any other code found in the data. */
  private Map<String, MonthlyReport.CategoryFigures> itemsByCategory(Date from, Date until) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (DisputedItem.Category category : DisputedItem.Category.values()) {
      counts.put(category.name(), new long[3]);
    }
    jdbc.query("select i.category, i.determination, c.letter_sent_on, count(*) from case_item i "
            + "join imr_case c on c.case_number = i.case_number "
            + "where c.application_received_on >= ? and c.application_received_on < ? "
            + "group by i.category, i.determination, c.letter_sent_on",
        rs -> {
          long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[3]);
          long count = rs.getLong(4);
          n[0] += count;
          String determination = rs.getString(2);
          if (determination != null && rs.getObject(3) != null) {
            switch (determination) {
              case "UPHELD" -> n[1] += count;
              case "OVERTURNED" -> n[2] += count;
              default -> { }
            }
          }
        }, from, until);
    Map<String, MonthlyReport.CategoryFigures> figures = new LinkedHashMap<>();
    counts.forEach((category, n) -> figures.put(category, new MonthlyReport.CategoryFigures(n[0], n[1], n[2],
        n[1] + n[2] == 0 ? 0 : round((double) n[2] / (n[1] + n[2]), 4))));
    return figures;
  }

  /** The reviewers who decided items of the month's determinations, by their profile on the panel today. */
  private MonthlyReport.Reviewers reviewers(Date from, Date until) {
    List<String> ids = jdbc.queryForList("select distinct i.decided_by from case_item i "
        + "join imr_case c on c.case_number = i.case_number "
        + "where c.application_received_on >= ? and c.application_received_on < ? "
        + "and c.letter_sent_on is not null and i.decided_by is not null order by i.decided_by", String.class, from, until);
    Map<String, Long> byProfession = new TreeMap<>();
    Map<String, Long> bySpecialty = new TreeMap<>();
    Map<String, Long> byState = new TreeMap<>();
    long california = 0;
    for (String id : ids) {
      ReviewerProfile r = panel.find(id).orElse(null);
      if (r == null) {
        byProfession.merge("NOT_ON_PANEL", 1L, Long::sum);
        continue;
      }
      byProfession.merge(r.profession() == null ? "NOT_STATED" : r.profession().name(), 1L, Long::sum);
      r.boardCertifications().stream().distinct().forEach(s -> bySpecialty.merge(s, 1L, Long::sum));
      List<String> states = r.licenses().stream().map(l -> l.state().toUpperCase(Locale.ROOT)).distinct().toList();
      states.forEach(s -> byState.merge(s, 1L, Long::sum));
      if (states.contains("CA")) {
        california++;
      }
    }
    return new MonthlyReport.Reviewers(ids.size(), california, byProfession, bySpecialty, byState);
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
