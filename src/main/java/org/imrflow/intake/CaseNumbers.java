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
    Long value = jdbc.queryForObject(nextValueSql, Long.class);
    return String.format("CM%02d-%07d", receivedOn.getYear() % 100, value % 10_000_000);
  }
}
