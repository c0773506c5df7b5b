package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.runtime.Incident;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's engine reads with the parts that answer the engine's questions with fewer
 * statements (each proven on an engine of its own by its test): the history writer that keeps start
 * times, the failed-job incidents not looked for where retries are left, a process instance's
 * variables read at once.
 */
@IntegrationTest
class EngineReadsTest {

  @Autowired ProcessEngine engine;

  @Test
  void theApplicationsEngineRunsEachOfThem() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).hasAtLeastOneElementOfType(KeptStartTimesHistoryHandler.class);
    assertThat(configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE)).isInstanceOf(RetriesLeftIncidentHandler.class);
    Command<VariableInstanceManager> manager = context -> context.getVariableInstanceManager();
    assertThat((Object) configuration.getCommandExecutorTxRequired().execute(manager))
        .isInstanceOf(InstanceVariablesAtOnce.class);
  }
}
