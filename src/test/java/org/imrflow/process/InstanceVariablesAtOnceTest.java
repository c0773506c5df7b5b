package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link InstanceVariablesAtOnce} on an engine of its own: a task three scopes deep sees the variables
 * of each scope as the engine shows them, and completing it reads them in one statement (H2's query
 * statistics count the statements), where the engine read each scope's in a statement of its own.
 */
class InstanceVariablesAtOnceTest {

  /** What the task's complete listener saw, by variable name. */
  static final Map<String, Object> SEEN = Collections.synchronizedMap(new HashMap<>());

  /** Reads a variable of each scope as the task completes. */
  public static class ReadEachScope implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      for (String name : List.of("caseNumber", "outer", "item", "loopCounter", "nrOfInstances", "answer")) {
        SEEN.put(name, task.getVariable(name));
      }
    }
  }

  private ProcessEngine engine;
  private String instance;

  @BeforeEach
  void twoItemsWaitingThreeScopesDown() {
    engine = OwnEngine.with("instance-variables", new InstanceVariablesAtOnce.Plugin()).buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("deep.bpmn",
        Bpmn.createExecutableProcess("deep").camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess("outer").camundaInputParameter("outer", "the outer scope's").embeddedSubProcess()
              .startEvent()
              .subProcess("per-item").multiInstance().parallel().camundaCollection("${items}")
                .camundaElementVariable("item").<SubProcessBuilder>multiInstanceDone()
                .embeddedSubProcess().startEvent()
                  .userTask("work").camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, ReadEachScope.class)
                  .endEvent()
              .subProcessDone()
              .endEvent()
            .subProcessDone()
            .userTask("after")
            .endEvent().done()).deploy();
    instance = engine.getRuntimeService().startProcessInstanceByKey("deep",
        Variables.putValue("caseNumber", "CM26-0000001").putValue("items", List.of("first", "second"))).getId();
    SEEN.clear();
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theEngineUsesTheManager() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Command<VariableInstanceManager> manager = context -> context.getVariableInstanceManager();
    assertThat((Object) configuration.getCommandExecutorTxRequired().execute(manager))
        .isInstanceOf(InstanceVariablesAtOnce.class);
  }

  @Test
  void aTaskThreeScopesDownSeesEachScopesVariablesReadInOneStatement() throws Exception {
    Task first = engine.getTaskService().createTaskQuery().processInstanceId(instance).list().stream()
        .filter(t -> "first".equals(engine.getTaskService().getVariable(t.getId(), "item"))).findFirst().orElseThrow();
    OwnEngine.countStatements(engine);
    engine.getTaskService().complete(first.getId(), Variables.putValue("answer", "done"));

    assertThat(SEEN).containsEntry("caseNumber", "CM26-0000001").containsEntry("outer", "the outer scope's")
        .containsEntry("item", "first").containsEntry("loopCounter", 0).containsEntry("nrOfInstances", 2)
        .containsEntry("answer", "done");
    assertThat(statementsReading("EXECUTION_ID_ = ?")).isZero();
    assertThat(statementsReading("RES.PROC_INST_ID_ = ?")).isOne();
    assertThat(engine.getRuntimeService().getVariable(instance, "answer")).isEqualTo("done");
  }

  @Test
  void theLastItemLeavesTheScopesAndTheirVariablesAsTheEngineDoes() {
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance).list()) {
      engine.getTaskService().complete(task.getId());
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
        .isEqualTo("after");
    assertThat(engine.getRuntimeService().getVariables(instance)).containsOnlyKeys("caseNumber", "items");
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance).count()).isEqualTo(2);
  }

  private long statementsReading(String where) throws Exception {
    return OwnEngine.statementsExecuted(engine,
        sql -> sql.contains("FROM ACT_RU_VARIABLE RES") && sql.contains(where));
  }
}
