package org.imrflow.process;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that IMRflow makes on its own behalf (granting a reviewer access, moving a
 * timer) without the acting user's authorization checks: a reviewer completing a task must not
 * need the right to manage authorizations for the listener that runs in their command.
 */
public final class Privileged {

  private Privileged() {
  }

  public static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  public static <T> T call(Callable<T> work) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? work.call() : context.runWithoutAuthorization(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
