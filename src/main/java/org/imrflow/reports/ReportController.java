package org.imrflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import io.swagger.v3.oas.annotations.Parameter;
import org.imrflow.cases.BusinessClock;
import org.imrflow.security.Access;
import org.imrflow.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The state's monthly figures (API.md §5): managers and administrators, also on the Cockpit SLA board. */
@RestController
@Tag(name = "SLA and reports")
class ReportController {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /** A chart of three years is the longest the board draws; longer asks would only load the database. */
  private static final int MAX_TREND_MONTHS = 36;

  private final MonthlyFigures figures;
  private final TrendFigures trend;
  private final BusinessClock clock;
  private final Access access;

  ReportController(MonthlyFigures figures, TrendFigures trend, BusinessClock clock, Access access) {
    this.figures = figures;
    this.trend = trend;
    this.clock = clock;
    this.access = access;
  }

  @Operation(operationId = "getMonthlyReport", summary = "Read the monthly figures",
      description = "The figures the state asks for, for the applications received in a month. Managers and administrators.")
  @GetMapping("/api/reports/monthly")
  MonthlyReport monthly(@RequestParam(required = false) String month) {
    access.requireManager();
    return figures.of(month(month));
  }

  @GetMapping("/api/reports/trend")
  @Operation(operationId = "getReportTrend", summary = "Read the monthly figures over several months",
      description = "Per month: applications received, letters sent and the share sent by their determination due "
          + "date; over the period: the overturn rate per item category and the mean days of each stage. Ends with "
          + "`to` (default: this month), `months` long (1 to 36, default 12). Managers and administrators.")
  TrendReport trend(@RequestParam(required = false) String to,
      @RequestParam(defaultValue = "12") @Parameter(description = "How many months, 1 to 36") int months) {
    access.requireManager();
    if (months < 1 || months > MAX_TREND_MONTHS) {
      throw new InvalidInputException("months", "must be between 1 and " + MAX_TREND_MONTHS);
    }
    YearMonth last = to == null || to.isBlank() ? YearMonth.from(clock.today()) : month("to", to);
    return trend.of(last.minusMonths(months - 1L), last);
  }

  private static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      throw new InvalidInputException("month", "is required, as yyyy-MM");
    }
    return month("month", month);
  }

  private static YearMonth month(String field, String month) {
    try {
      if (MONTH.matcher(month).matches()) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same answer as any other malformed month
    }
    throw new InvalidInputException(field, "invalid value '" + month + "': expected a month yyyy-MM");
  }
}
