package org.imrflow.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as the real letters and the forms write them: 01/05/2027 (month/day/year, two digits each). */
public final class UsDates {

  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private UsDates() {
  }

  /** The date in the US letter format, or "" for none. */
  public static String format(LocalDate date) {
    return date == null ? "" : US.format(date);
  }
}
