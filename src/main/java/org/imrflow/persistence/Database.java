package org.imrflow.persistence;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database this node runs on, asked once at start: the few statements H2 and PostgreSQL spell
 * differently (a sequence's next value, an insert that does nothing on a duplicate, an update that
 * returns its row, an advisory lock) choose their spelling by it.
 */
@Component
public class Database {

  private final boolean postgres;

  Database(DataSource dataSource) throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = product.toLowerCase().contains("postgres");
  }

  /** PostgreSQL (production and clusters); otherwise the embedded H2. */
  public boolean isPostgres() {
    return postgres;
  }
}
