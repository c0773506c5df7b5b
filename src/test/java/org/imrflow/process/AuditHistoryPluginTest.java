package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.Test;

/**
 * A database written at history level full (every IMRflow database before issue 18) starts at
 * {@link AuditHistoryLevel}: the plugin switches the level the engine recorded, which the engine
 * would otherwise refuse as a mismatch.
 */
class AuditHistoryPluginTest {

  @Test
  void aDatabaseAtLevelFullIsSwitchedOnce() {
    String url = OwnEngine.newDatabase("history-switch");
    ProcessEngine full = engine(url, ProcessEngineConfiguration.HISTORY_FULL, true);
    full.close();

    ProcessEngine audit = engine(url, AuditHistoryLevel.NAME, false);
    try {
      assertThat(audit.getManagementService().getProperties()).containsEntry("historyLevel",
          Integer.toString(AuditHistoryLevel.ID));
      assertThat(((StandaloneInMemProcessEngineConfiguration) audit.getProcessEngineConfiguration()).getHistoryLevel()
          .getName()).isEqualTo(AuditHistoryLevel.NAME);
    } finally {
      audit.close();
    }
  }

  private static ProcessEngine engine(String url, String history, boolean create) {
    StandaloneInMemProcessEngineConfiguration configuration =
        OwnEngine.on(url, "history-switch-" + history, new AuditHistoryPlugin(false));
    configuration.setDatabaseSchemaUpdate(create ? "create"
        : ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    configuration.setHistory(history);
    return configuration.buildProcessEngine();
  }
}
