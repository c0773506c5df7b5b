package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;

/** A request that lost a race with a job is run again; anything else is not. (ClusterIT meets the race for real.) */
class RetryOnConflictTest {

  @Test
  void aTransactionThatLostARaceIsRunAgain() {
    AtomicInteger attempts = new AtomicInteger();
    String result = RetryOnConflict.run("CM14-0000001", () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new OptimisticLockingException("updated by another transaction concurrently");
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aConflictThatPersistsReachesTheCallerAfterAFewAttempts() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> RetryOnConflict.run("CM14-0000001", () -> {
      attempts.incrementAndGet();
      throw new OptimisticLockingException("updated by another transaction concurrently");
    })).isInstanceOf(OptimisticLockingException.class);
    assertThat(attempts.get()).isBetween(2, 5);
  }

  @Test
  void aTransactionThePostgresDeadlockDetectorRolledBackIsRunAgain() {
    AtomicInteger attempts = new AtomicInteger();
    RetryOnConflict.run("CM14-0000001", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new ProcessEnginePersistenceException("An exception occurred in the persistence layer",
            new RuntimeException(new SQLException("ERROR: deadlock detected", "40P01")));
      }
    });
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aReadOfAnExecutionWhoseParentAJobJustRemovedIsRunAgain() {
    AtomicInteger attempts = new AtomicInteger();
    RetryOnConflict.run("CM26-0000013", () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'ca10bf88' of execution "
            + "'ca110daa', perhaps it was deleted in the meantime");
      }
    });
    assertThat(attempts).hasValue(2);
  }

  @Test
  void otherFailuresAreNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> RetryOnConflict.run("CM14-0000001", () -> {
      attempts.incrementAndGet();
      throw new ProcessEngineException("no such case");
    })).isInstanceOf(ProcessEngineException.class);
    assertThat(attempts).hasValue(1);
    assertThat(RetryOnConflict.lostARace(new ProcessEnginePersistenceException("no connection",
        new SQLException("Connection refused", "08001")))).isFalse();
  }
}
