package org.imrflow.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history writer, keeping the start time of each process, activity and task instance it
 * starts. To end or update one started in an earlier transaction, the engine reads its start time back
 * from the history table (for the duration it writes): a statement each time, 15 in a full case. A
 * start time never changes, so the handler answers from the ones it kept (the latest
 * {@value #KEPT}) and reads, as the engine does, any other: one started before this node did, or on
 * another node of the cluster.
 */
class KeptStartTimesHistoryHandler extends DbHistoryEventHandler {

  static final int KEPT = 100_000;

  private final Map<String, Date> startTimes = Collections.synchronizedMap(new LinkedHashMap<>(1024) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Date> eldest) {
      return size() > KEPT;
    }
  });

  @Override
  protected void insertOrUpdate(HistoryEvent event) {
    if (!(event instanceof HistoricScopeInstanceEvent scope) || event.getId() == null) {
      super.insertOrUpdate(event);
    } else if (isInitialEvent(event)) {
      super.insertOrUpdate(event);
      if (scope.getStartTime() != null) {
        startTimes.put(event.getId(), scope.getStartTime());
      }
    } else {
      Date start = startTimes.get(event.getId());
      DbEntityManager db = getDbEntityManager();
      if (start == null || db.getCachedEntity(event.getClass(), event.getId()) != null) {
        super.insertOrUpdate(event);
      } else {
        scope.setStartTime(start);
        db.merge(event);
      }
      if (isEnd(event)) {
        startTimes.remove(event.getId());
      }
    }
  }

  private static boolean isEnd(HistoryEvent event) {
    return event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)
        || event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)
        || event.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE)
        || event.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END);
  }

  /** Puts the handler in the place of the engine's own, before any other handler configured. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (!configuration.isEnableDefaultDbHistoryEventHandler()) {
        return;
      }
      List<HistoryEventHandler> handlers = new ArrayList<>();
      handlers.add(new KeptStartTimesHistoryHandler());
      if (configuration.getCustomHistoryEventHandlers() != null) {
        handlers.addAll(configuration.getCustomHistoryEventHandlers());
      }
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      configuration.setCustomHistoryEventHandlers(handlers);
    }
  }
}
