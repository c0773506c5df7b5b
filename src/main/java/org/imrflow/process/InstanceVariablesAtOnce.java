package org.imrflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.springframework.stereotype.Component;

/**
 * The engine's reads of variables, with those of every execution of a process instance read in one
 * statement the first time a command needs any of them. A variable is looked for from the task or
 * execution up to the process instance, and the engine reads each scope's variables in a statement
 * of its own, the first time in a command: a task deep in the review's scopes cost six. The one
 * statement returns the same rows (the process instance's, grouped by execution, without those of
 * tasks), as the database held them at the command's first read instead of at each scope's (changes
 * the command makes are in memory until it ends, either way); an execution made in the command reads
 * none either way.
 */
class InstanceVariablesAtOnce extends VariableInstanceManager {

  /** Per process instance read in this command: its executions' variables, by execution. */
  private final Map<String, Map<String, List<VariableInstanceEntity>>> read = new HashMap<>();

  @Override
  public List<VariableInstanceEntity> findVariableInstancesByExecutionId(String executionId) {
    ExecutionEntity execution = getDbEntityManager().getCachedEntity(ExecutionEntity.class, executionId);
    String instance = execution == null ? null : execution.getProcessInstanceId();
    if (instance == null) {
      return super.findVariableInstancesByExecutionId(executionId);
    }
    List<VariableInstanceEntity> variables = read.computeIfAbsent(instance, this::byExecution).get(executionId);
    return variables == null ? new ArrayList<>() : new ArrayList<>(variables);
  }

  private Map<String, List<VariableInstanceEntity>> byExecution(String processInstanceId) {
    Map<String, List<VariableInstanceEntity>> byExecution = new HashMap<>();
    for (VariableInstanceEntity variable : findVariableInstancesByProcessInstanceId(processInstanceId)) {
      if (variable.getTaskId() == null && variable.getExecutionId() != null) {
        byExecution.computeIfAbsent(variable.getExecutionId(), id -> new ArrayList<>()).add(variable);
      }
    }
    return byExecution;
  }

  /** Puts the manager in the engine's place, one per command like the engine's own. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      EngineSessions.replace(configuration, VariableInstanceManager.class, InstanceVariablesAtOnce::new);
    }
  }
}
