package org.imrflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A guard's refusal of a person's input ({@link TaskInput}: a required field missing, a reviewer who
 * is not eligible) is the person's mistake, answered as a 400 with its reason. The engine logged it as
 * it logs a failure, at ERROR with its stack trace (ENGINE-16004), among the errors operations are
 * alerted to. It now logs a refusal at DEBUG, as it already logs a bad request or an optimistic-locking
 * conflict; every other exception that ends a command is logged as before.
 */
class RefusalsLoggedAtDebug extends CommandContextFactory {

  @Override
  public CommandContext createCommandContext() {
    return new CommandContext(processEngineConfiguration) {
      @Override
      protected boolean shouldLogFine(Throwable exception) {
        return TaskRefusalMapper.refusal(exception) != null || super.shouldLogFine(exception);
      }
    };
  }

  /** Puts the factory in the place of the engine's own. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      RefusalsLoggedAtDebug factory = new RefusalsLoggedAtDebug();
      // The engine gives its configuration only to a factory it makes itself.
      factory.setProcessEngineConfiguration(configuration);
      configuration.setCommandContextFactory(factory);
    }
  }
}
