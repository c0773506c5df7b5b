package org.imrflow.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's handler of failed-job incidents, which does not look for an incident of a job that
 * has retries left. Each job that succeeds or is deleted (a save point run, a deadline timer its
 * scope no longer needs) has the engine look for its incident to resolve, a statement each, 9 in a
 * full case. The engine opens a job's incident when its retries reach 0 and resolves it when they
 * rise again, so a job with retries left has none; for any other job (retries used up, or not held
 * by the command) the engine's handler looks as before.
 */
class RetriesLeftIncidentHandler extends DefaultIncidentHandler {

  RetriesLeftIncidentHandler() {
    super(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  @Override
  protected void removeIncident(IncidentContext context, boolean incidentResolved) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null || context.getConfiguration() == null ? null
        : command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
    if (job != null && job.getRetries() > 0) {
      return;
    }
    super.removeIncident(context, incidentResolved);
  }

  /** Puts the handler in the place of the engine's own for failed jobs. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null
          ? new ArrayList<>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
      if (handlers.stream().noneMatch(h -> Incident.FAILED_JOB_HANDLER_TYPE.equals(h.getIncidentHandlerType()))) {
        handlers.add(new RetriesLeftIncidentHandler());
        configuration.setCustomIncidentHandlers(handlers);
      }
    }
  }
}
