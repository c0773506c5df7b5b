package org.imrflow.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes {@link AuditHistoryLevel} known to the engine ({@code camunda.bpm.history-level: imrflow-audit}
 * selects it). The engine refuses to start when the database records another level; a database
 * written at level full (before issue 18) is switched once, before that check: full holds everything
 * this level writes, so nothing that was there is lost, only no more variable history is added.
 */
@Component
class AuditHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuditHistoryPlugin.class);
  private static final int FULL = HistoryLevel.HISTORY_LEVEL_FULL.getId();

  private final boolean routingSteps;

  AuditHistoryPlugin(@Value("${imrflow.history.routing-steps:false}") boolean routingSteps) {
    this.routingSteps = routingSteps;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(new AuditHistoryLevel(routingSteps));
    configuration.setCustomHistoryLevels(custom);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!AuditHistoryLevel.NAME.equals(configuration.getHistory())) {
      return;
    }
    String table = configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement switchLevel = connection.prepareStatement(
            "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
      switchLevel.setString(1, Integer.toString(AuditHistoryLevel.ID));
      switchLevel.setString(2, Integer.toString(FULL));
      if (switchLevel.executeUpdate() > 0) {
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        log.info("Engine history level switched from full to {}", AuditHistoryLevel.NAME);
      }
    } catch (SQLException noEngineTablesYet) {
      // A new database: the engine creates its tables and records this level itself.
      log.debug("history level not switched: {}", noEngineTablesYet.getMessage());
    }
  }
}
