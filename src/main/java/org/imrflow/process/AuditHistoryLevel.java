package org.imrflow.process;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.behavior.GatewayActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.NoneStartEventActivityBehavior;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The history IMRflow's audit needs and nothing more (issue 18): who did what in Camunda's user
 * operation log, the process, activity and task history (Cockpit, {@code /api/cases/{n}/audit},
 * the process tests' assertions) and incidents. Not written: variable instances and their update
 * details, form properties, job logs, identity link logs, DMN evaluations, external tasks - the
 * rows that made history FULL the largest part of a case's SQL. IMRflow's own trail (table
 * {@code case_audit}) is independent of the engine's history.
 *
 * <p>The activity history leaves out the routing steps: gateways and the plain start and end events
 * of the process and its subprocesses, which no person or system acts in (the steps before and
 * after them are recorded, and so is the path they chose; a scope's own row ends when its last path
 * does, and the process instance records the event it ended at). They were about half of a case's
 * activity rows, the most indexed table the engine writes. Terminate, error, message and timer
 * events stay: each changes the case's course. {@code imrflow.history.routing-steps: true} records
 * them too (the process tests do: their path assertions and coverage name every flow node).
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

  private static final Set<HistoryEventTypes> ACTIVITY_EVENTS = EnumSet.of(
      HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
      HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE, HistoryEventTypes.ACTIVITY_INSTANCE_END);

  private final boolean routingSteps;

  /** The level as installations run it: no routing steps in the activity history. */
  public AuditHistoryLevel() {
    this(false);
  }

  /** @param routingSteps whether gateways and plain start and end events get activity history rows too */
  public AuditHistoryLevel(boolean routingSteps) {
    this.routingSteps = routingSteps;
  }

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
    if (!(eventType instanceof HistoryEventTypes type) || !PRODUCED.contains(type)) {
      return false;
    }
    // The engine asks once per event type while it parses a model (no entity yet), then per event.
    return routingSteps || !ACTIVITY_EVENTS.contains(type) || !(entity instanceof ExecutionEntity execution)
        || !isRoutingStep(execution.getActivity());
  }

  static boolean isRoutingStep(ActivityImpl activity) {
    return activity != null && (activity.getActivityBehavior() instanceof GatewayActivityBehavior
        || activity.getActivityBehavior() instanceof NoneStartEventActivityBehavior
        || activity.getActivityBehavior() instanceof NoneEndEventActivityBehavior);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
