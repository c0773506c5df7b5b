package org.imrflow.process;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The history IMRflow's audit needs and nothing more (issue 18): who did what in Camunda's user
 * operation log, the process, activity and task history (Cockpit, {@code /api/cases/{n}/audit},
 * the process tests' assertions) and incidents. Not written: variable instances and their update
 * details, form properties, job logs, identity link logs, DMN evaluations, external tasks - the
 * rows that made history FULL the largest part of a case's SQL. IMRflow's own trail (table
 * {@code case_audit}) is independent of the engine's history.
 */
public final class AuditHistoryLevel implements HistoryLevel {

  public static final String NAME = "imrflow-audit";
  /** Above Camunda's own levels (0-3); stored in ACT_GE_PROPERTY as the database's level. */
  public static final int ID = 40;

  private static final Set<HistoryEventTypes> PRODUCED = EnumSet.of(
      HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
      HistoryEventTypes.PROCESS_INSTANCE_MIGRATE, HistoryEventTypes.PROCESS_INSTANCE_END,
      HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
      HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
      HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_UPDATE,
      HistoryEventTypes.TASK_INSTANCE_MIGRATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
      HistoryEventTypes.TASK_INSTANCE_DELETE,
      HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_DELETE,
      HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.INCIDENT_UPDATE,
      HistoryEventTypes.USER_OPERATION_LOG);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType instanceof HistoryEventTypes type && PRODUCED.contains(type);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
