package org.imrflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A process engine of a test's own, for IMRflow's engine parts (plugins, history levels): an
 * in-memory H2 database, no job executor. The test sets what else it needs and builds it.
 */
public final class OwnEngine {

  private OwnEngine() {
  }

  /** A database no other test uses, kept for a while after its last connection closes. */
  public static String newDatabase(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000";
  }

  public static StandaloneInMemProcessEngineConfiguration with(String name, ProcessEnginePlugin... plugins) {
    return on(newDatabase(name), name, plugins);
  }

  /** On a given database, say for a second engine on the first one's. */
  public static StandaloneInMemProcessEngineConfiguration on(String database, String name,
      ProcessEnginePlugin... plugins) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(database);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
    configuration.setProcessEnginePlugins(List.of(plugins));
    return configuration;
  }

  /** Starts H2's count of the statements the engine's database executes (INFORMATION_SCHEMA.QUERY_STATISTICS) afresh. */
  public static void countStatements(ProcessEngine engine) throws SQLException {
    try (Connection connection = dataSource(engine).getConnection(); Statement sql = connection.createStatement()) {
      sql.execute("SET QUERY_STATISTICS FALSE");
      sql.execute("SET QUERY_STATISTICS TRUE");
    }
  }

  /** How often statements whose text (white space made single) matches were executed since the count started. */
  public static long statementsExecuted(ProcessEngine engine, Predicate<String> matching) throws SQLException {
    long count = 0;
    try (Connection connection = dataSource(engine).getConnection(); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rows.next()) {
        if (matching.test(rows.getString(1).replaceAll("\\s+", " "))) {
          count += rows.getLong(2);
        }
      }
    }
    return count;
  }

  private static DataSource dataSource(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
  }
}
