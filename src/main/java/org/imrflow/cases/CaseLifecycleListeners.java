package org.imrflow.cases;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.imrflow.cases.CaseLifecycle.Step;
import org.imrflow.process.CaseProcess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link CaseLifecycle} to the steps of {@code imr-case} that its table names, and to no
 * other: an execution listener on those activities, a task listener on those user tasks, each after
 * the element's own listeners, as the engine parses the model (every version, when it loads one from
 * the database too; an element an older version lacks is skipped). Camunda's Spring event bridge did
 * this before by publishing every start, end and take of every element and every task event, about
 * 200 events a case for the table to pick a few: 1.5% of a full case's CPU.
 */
@Component
class CaseLifecycleListeners extends AbstractProcessEnginePlugin {

  /** The lifecycle needs the engine's services: looked up when a step happens, not when the engine is built. */
  private final ObjectProvider<CaseLifecycle> lifecycle;

  CaseLifecycleListeners(ObjectProvider<CaseLifecycle> lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new Attach());
  }

  private final class Attach extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
      if (!CaseProcess.KEY.equals(definition.getKey())) {
        return;
      }
      for (Step step : CaseLifecycle.steps()) {
        ActivityImpl activity = definition.findActivity(step.elementId());
        if (activity == null) {
          continue;
        }
        ExecutionListener activityListener = execution -> lifecycle.getObject().follow(step, execution);
        TaskListener taskListener = task -> lifecycle.getObject().follow(step, task);
        switch (step.on()) {
          case START -> activity.addListener(ExecutionListener.EVENTNAME_START, activityListener);
          case END -> activity.addListener(ExecutionListener.EVENTNAME_END, activityListener);
          case CREATE -> userTask(activity).getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, taskListener);
          case COMPLETE -> userTask(activity).getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, taskListener);
        }
      }
    }

    private static UserTaskActivityBehavior userTask(ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        return userTask;
      }
      throw new IllegalStateException("the case lifecycle follows task events of " + activity.getId()
          + ", which is not a user task");
    }
  }
}
