package org.imrflow.letters;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letter archive's own small connection pool, on the application's database. A letter job
 * holds an engine connection for its whole transaction, and each claim and confirmation of a
 * delivery must commit at once, on its own: taken from the engine's pool, enough letter jobs at
 * once would hold every connection while each waits for a second one (the 30-second stall seen
 * with eight users). Connections of this pool are only ever held for one short statement batch and
 * never while waiting for anything else, so waiting for one cannot deadlock; with one per job
 * executor thread, nobody waits at all.
 */
@Component
class ArchiveConnections implements DisposableBean {

  private final HikariDataSource pool;
  final JdbcTemplate jdbc;
  final TransactionTemplate transactions;

  ArchiveConnections(DataSourceProperties database,
      @Value("${camunda.bpm.job-execution.max-pool-size:10}") int jobThreads) {
    pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("letter-archive");
    pool.setMaximumPoolSize(jobThreads);
    pool.setMinimumIdle(0);
    // A write of one statement outside a transaction (a confirmation) must be committed when it returns.
    pool.setAutoCommit(true);
    jdbc = new JdbcTemplate(pool);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
