package org.imrflow;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A process engine of a test's own, for IMRflow's engine parts (plugins, history levels): an
 * in-memory H2 database, no job executor. The test sets what else it needs and builds it.
 */
public final class OwnEngine {

  private OwnEngine() {
  }

  /** A database no other test uses, kept for a while after its last connection closes. */
  public static String newDatabase(String name) {
    return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000";
  }

  public static StandaloneInMemProcessEngineConfiguration with(String name, ProcessEnginePlugin... plugins) {
    return on(newDatabase(name), name, plugins);
  }

  /** On a given database, say for a second engine on the first one's. */
  public static StandaloneInMemProcessEngineConfiguration on(String database, String name,
      ProcessEnginePlugin... plugins) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(database);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
    configuration.setProcessEnginePlugins(List.of(plugins));
    return configuration;
  }
}
