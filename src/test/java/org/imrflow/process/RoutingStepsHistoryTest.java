package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditHistoryLevel} as installations run it, on an engine of its own: a path through a
 * gateway and a subprocess keeps every task, timer and scope in the activity history but not the
 * gateways or the plain start and end events; with routing steps on (as the process tests run), all
 * of them. The process instance still records the end event it ended at.
 */
class RoutingStepsHistoryTest {

  private static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("routing")
      .camundaHistoryTimeToLive(1)
      .startEvent("started")
      .exclusiveGateway("which-way")
      .condition("yes", "${true}")
      .userTask("first-task")
      .subProcess("sub").embeddedSubProcess()
        .startEvent("sub-started")
        .userTask("inner-task")
        .endEvent("sub-ended")
      .subProcessDone()
      .parallelGateway("fork")
      .intermediateCatchEvent("pause").timerWithDuration("PT0S")
      .userTask("second-task")
      .endEvent("ended")
      .moveToNode("which-way")
      .condition("no", "${false}")
      .endEvent("not-taken")
      .done();

  private ProcessEngine engine;

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void installationsLeaveGatewaysAndPlainStartAndEndEventsOutOfTheActivityHistory() {
    assertThat(run(false)).containsExactlyInAnyOrder("first-task", "sub", "inner-task", "pause", "second-task");
  }

  @Test
  void withRoutingStepsOnEveryFlowNodeIsThere() {
    assertThat(run(true)).containsExactlyInAnyOrder("started", "which-way", "first-task", "sub", "sub-started",
        "inner-task", "sub-ended", "fork", "pause", "second-task", "ended");
  }

  /** The activity ids in the history of one instance driven to its end. */
  private List<String> run(boolean routingSteps) {
    StandaloneInMemProcessEngineConfiguration configuration = OwnEngine.with("routing-" + routingSteps);
    configuration.setCustomHistoryLevels(List.of(new AuditHistoryLevel(routingSteps)));
    configuration.setHistory(AuditHistoryLevel.NAME);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("routing.bpmn", MODEL).deploy();
    String pi = engine.getRuntimeService().startProcessInstanceByKey("routing").getId();
    for (String task : List.of("first-task", "inner-task", "second-task")) {
      if (task.equals("second-task")) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(pi)
            .singleResult().getId());
      }
      engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey(task).singleResult().getId());
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).finished()
        .singleResult().getEndActivityId()).isEqualTo("ended");
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }
}
