package org.imrflow.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request's transaction again when it lost a race with a job of the same case: a message
 * correlated by the API (records complete, expedite, terminate) and a job on any node (a notice
 * being mailed, a save point) may change the same process instance at once, and the engine's
 * optimistic locking then rolls one of them back whole. A job is retried by the engine; a request
 * is retried here, so that the client gets its answer instead of a 500. Call it outside the
 * transaction, so that each attempt is a transaction of its own.
 */
public final class RetryOnConflict {

  private static final Logger log = LoggerFactory.getLogger(RetryOnConflict.class);
  private static final int ATTEMPTS = 4;

  private RetryOnConflict() {
  }

  public static void run(String caseNumber, Runnable transaction) {
    run(caseNumber, () -> {
      transaction.run();
      return null;
    });
  }

  public static <T> T run(String caseNumber, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (OptimisticLockingException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
        log.info("Case {}: a job changed the case at the same time; trying again ({} of {})", caseNumber,
            attempt + 1, ATTEMPTS);
        pause(25L * attempt);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }
}
