package org.imrflow.intake;

import org.imrflow.persistence.Database;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the intake of identical applications across threads and nodes: the dispute's row is
 * created once and then locked until the intake's transaction ends. All of it runs in the intake's
 * own transaction, on its one connection: an insert that does nothing when the row exists (after
 * waiting for an intake that is creating it to commit). A second transaction here would hold one
 * connection while waiting for another, which stalls the pool under load.
 */
@Component
class DisputeLock {

  private final JdbcTemplate jdbc;
  private final String createIfMissing;

  DisputeLock(JdbcTemplate jdbc, Database database) {
    this.jdbc = jdbc;
    this.createIfMissing = database.isPostgres()
        ? "insert into dispute (dedupe_key) values (?) on conflict do nothing"
        : "merge into dispute (dedupe_key) key (dedupe_key) values (?)";
  }

  /** Call inside the intake's transaction: returns once this dispute is ours until it commits. */
  void lock(String dedupeKey) {
    // Not read first: nearly every dispute is new; for one that exists the statement only waits for, or
    // takes, the lock that the next one takes anyway.
    try {
      jdbc.update(createIfMissing, dedupeKey);
    } catch (DuplicateKeyException anotherIntakeCreatedIt) {
      // H2 may still report the race this way; a failed statement leaves its transaction usable.
    }
    jdbc.queryForObject("select dedupe_key from dispute where dedupe_key = ? for update", String.class, dedupeKey);
  }
}
