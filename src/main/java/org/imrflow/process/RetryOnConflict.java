package org.imrflow.process;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request's transaction again when it lost a race with a job of the same case: a message
 * correlated by the API (records complete, expedite, terminate) and a job on any node (a notice
 * being mailed, a save point) may change the same process instance at once. The engine's
 * optimistic locking, or PostgreSQL's deadlock detection, then rolls one of them back whole. A job
 * is retried by the engine; a request is retried here, so that the client gets its answer instead
 * of a 500. Call it outside the transaction, so that each attempt is a transaction of its own.
 */
public final class RetryOnConflict {

  private static final Logger log = LoggerFactory.getLogger(RetryOnConflict.class);
  private static final int ATTEMPTS = 4;
  /** The engine's code for "Cannot resolve parent with id ... perhaps it was deleted in the meantime". */
  private static final String PARENT_GONE = "ENGINE-03077";

  private RetryOnConflict() {
  }

  public static void run(String caseNumber, Runnable transaction) {
    run(caseNumber, () -> {
      transaction.run();
      return null;
    });
  }

  public static <T> T run(String caseNumber, Supplier<T> transaction) {
    return attempt("Case " + caseNumber, transaction);
  }

  /** @param what names what is retried in the log, never with personal data: a case number, a command */
  static <T> T attempt(String what, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !lostARace(e)) {
          throw e;
        }
        log.info("{}: a job changed the case at the same time; trying again ({} of {})", what,
            attempt + 1, ATTEMPTS);
        pause(25L * attempt);
      }
    }
  }

  /**
   * Optimistic locking; a transaction the database rolled back (SQLSTATE class 40: deadlock,
   * serialization); or the engine reading an execution whose parent another transaction removed
   * between two of its reads (ENGINE-03077: a job ended the scope as the request correlated its
   * message; seen on PostgreSQL's read committed in ClusterIT). Each rolls the attempt back whole.
   */
  static boolean lostARace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")
          || t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().startsWith(PARENT_GONE)) {
        return true;
      }
    }
    return false;
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
