package org.imrflow.setup;

import org.imrflow.persistence.Database;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node at a time creates what start-up creates (groups, authorizations, Tasklist filters).
 * Nodes of a cluster that start together would otherwise both find a filter missing and both
 * create it (filter names are not unique), after which every start fails on the duplicate; or
 * both insert the same group, and one start fails. On PostgreSQL the set-up runs in one
 * transaction holding an advisory lock; the embedded H2 database serves a single node and needs none.
 */
@Component
public class StartupLock {

  /** The advisory lock's key ("IMRflow" in ASCII), for operators who look at pg_locks. */
  public static final long KEY = 0x494d52666c6f77L;

  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;
  private final boolean postgres;

  StartupLock(PlatformTransactionManager transactions, JdbcTemplate jdbc, Database database) {
    this.transaction = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
    this.postgres = database.isPostgres();
  }

  /** Runs the set-up in one transaction, after any other node's set-up has committed. */
  void run(Runnable setup) {
    transaction.executeWithoutResult(status -> {
      if (postgres) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, KEY);
      }
      setup.run();
    });
  }
}
