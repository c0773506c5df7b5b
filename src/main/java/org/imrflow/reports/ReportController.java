package org.imrflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
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

  private final MonthlyFigures figures;
  private final Access access;

  ReportController(MonthlyFigures figures, Access access) {
    this.figures = figures;
    this.access = access;
  }

  @Operation(operationId = "getMonthlyReport", summary = "Read the monthly figures",
      description = "The figures the state asks for, for the applications received in a month. Managers and administrators.")
  @GetMapping("/api/reports/monthly")
  MonthlyReport monthly(@RequestParam(required = false) String month) {
    access.requireManager();
    return figures.of(month(month));
  }

  private static YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      throw new InvalidInputException("month", "is required, as yyyy-MM");
    }
    try {
      if (MONTH.matcher(month).matches()) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeParseException e) {
      // falls through to the same answer as any other malformed month
    }
    throw new InvalidInputException("month", "invalid value '" + month + "': expected a month yyyy-MM");
  }
}
