package org.imrflow.intake;

import java.time.LocalDate;
import org.imrflow.persistence.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Case numbers as the program writes them: {@code CM} + two-digit year of receipt + {@code -} +
 * seven digits. The digits come from one database sequence, unique across years and nodes.
 */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final String nextValueSql;

  CaseNumbers(JdbcTemplate jdbc, Database database) {
    this.jdbc = jdbc;
    this.nextValueSql = database.isPostgres()
        ? "select nextval('case_number_seq')"
        : "select next value for case_number_seq";
  }

  String next(LocalDate receivedOn) {
    return format(receivedOn, jdbc.queryForObject(nextValueSql, Long.class));
  }

  /** Padded by hand: String.format builds a Formatter and the locale's digits for each number. */
  static String format(LocalDate receivedOn, long sequenceValue) {
    return "CM" + padded(receivedOn.getYear() % 100, 2) + "-" + padded(sequenceValue % 10_000_000, 7);
  }

  private static String padded(long number, int digits) {
    String text = Long.toString(number);
    return "0".repeat(Math.max(0, digits - text.length())) + text;
  }
}
