package org.imrflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Puts a subclass of one of the engine's managers in the engine's place, one per command like the
 * engine's own. Camunda's {@code GenericManagerFactory} would file the manager under its own class,
 * not under the engine's, and creates it by reflection, which a package-private class refuses.
 */
public final class EngineSessions {

  private EngineSessions() {
  }

  /** For a plugin's {@code preInit}: commands asking for {@code type} get what {@code opened} makes. */
  public static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type,
      Supplier<? extends Session> opened) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return opened.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
