package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RetriesLeftIncidentHandler} on an engine of its own: a job whose retries ran out has its
 * incident resolved as the engine resolves it (when it runs again and succeeds, or when a manager
 * gives it retries again); a job with retries left is not looked for an incident, which only an
 * incident made by hand with the job's id shows.
 */
class RetriesLeftIncidentHandlerTest {

  /** Whether the save point's step fails. */
  static volatile boolean failing;

  /** The step after the save point. */
  public static class Step implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      if (failing) {
        throw new IllegalStateException("the mail server is down");
      }
    }
  }

  private ProcessEngine engine;
  private ManagementService management;
  private RuntimeService runtime;
  private String instance;
  private String job;

  @BeforeEach
  void aSavePointWaiting() {
    StandaloneInMemProcessEngineConfiguration configuration =
        OwnEngine.with("retries-left", new RetriesLeftIncidentHandler.Plugin());
    configuration.setHistory("full");
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("step.bpmn",
        Bpmn.createExecutableProcess("step").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("send").camundaAsyncBefore().camundaClass(Step.class.getName()).userTask("after")
            .endEvent().done()).deploy();
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    instance = runtime.startProcessInstanceByKey("step").getId();
    job = management.createJobQuery().processInstanceId(instance).singleResult().getId();
    failing = false;
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theEngineRunsTheHandler() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE))
        .isInstanceOf(RetriesLeftIncidentHandler.class);
  }

  @Test
  void aJobRunAgainAfterItsRetriesRanOutHasItsIncidentResolvedWhenItSucceeds() {
    failUntilTheRetriesRunOut();
    failing = false;
    management.executeJob(job);
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().resolved().count()).isOne();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isOne();
  }

  @Test
  void aJobAManagerGivesRetriesAgainHasItsIncidentResolved() {
    failUntilTheRetriesRunOut();
    management.setJobRetries(job, 1);
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(engine.getHistoryService().createHistoricIncidentQuery().resolved().count()).isOne();
  }

  @Test
  void aJobWithRetriesLeftIsNotLookedForAnIncident() {
    String execution = management.createJobQuery().jobId(job).singleResult().getExecutionId();
    runtime.createIncident("made-by-hand", execution, job);
    management.executeJob(job);
    // The engine's own handler would have resolved every incident that names the job.
    assertThat(runtime.createIncidentQuery().incidentType("made-by-hand").count()).isOne();
  }

  private void failUntilTheRetriesRunOut() {
    failing = true;
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("mail server");
    }
    assertThat(runtime.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE).count()).isOne();
  }
}
