package org.imrflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's click never meets an optimistic-locking error. Completing a task (Tasklist, the engine
 * REST API or Java), claiming it, or correlating a message can lose a race with a job working on
 * the same case at that moment (a timer, a save point, a notice being mailed, on this node or
 * another): the engine then rolls the person's transaction back whole. This runs such a command
 * again, as a new transaction, instead of answering the person with ENGINE-03005 (HTTP 500).
 *
 * <p>It sits before the engine's transaction interceptor and retries only a command that is its
 * own transaction: inside another command, or inside a Spring transaction (an /api request, which
 * {@link RetryOnConflict} retries as a whole), rolling back is the caller's to handle. Jobs are
 * never retried here: the job executor has its own retries.
 */
@Component
class RetryPeoplesCommands extends AbstractProcessEnginePlugin {

  /** Commands that people issue and that are safe to run again from the start. */
  private static final Set<String> RETRIED = Set.of(
      "CompleteTaskCmd", "SubmitTaskFormCmd", "ClaimTaskCmd", "AssignTaskCmd", "SetTaskVariablesCmd",
      "CorrelateMessageCmd", "CorrelateAllMessageCmd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  static final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (!RETRIED.contains(command.getClass().getSimpleName()) || Context.getCommandContext() != null
          || TransactionSynchronizationManager.isActualTransactionActive()) {
        return next.execute(command);
      }
      return RetryOnConflict.attempt(command.getClass().getSimpleName(), () -> next.execute(command));
    }
  }
}
