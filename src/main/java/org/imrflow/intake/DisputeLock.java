package org.imrflow.intake;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the intake of identical applications across threads and nodes: the dispute's row is
 * created once (in a transaction of its own, so that losing that race costs nothing) and then locked
 * until the intake's transaction ends.
 */
@Component
class DisputeLock {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  DisputeLock(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Call inside the intake's transaction: returns once this dispute is ours until it commits. */
  void lock(String dedupeKey) {
    if (jdbc.queryForList("select dedupe_key from dispute where dedupe_key = ?", String.class, dedupeKey).isEmpty()) {
      try {
        own.executeWithoutResult(status -> jdbc.update("insert into dispute (dedupe_key) values (?)", dedupeKey));
      } catch (DuplicateKeyException anotherIntakeCreatedIt) {
        // Then it exists, which is all this needs.
      }
    }
    jdbc.queryForObject("select dedupe_key from dispute where dedupe_key = ? for update", String.class, dedupeKey);
  }
}
