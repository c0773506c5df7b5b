package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageSubscriptionsDeletedAlone} on an engine of its own (H2's query statistics count the
 * statements): a message subscription is deleted without a look for its jobs, a signal subscription
 * with it, as the engine does; and a signal's event job still pending when its scope ends goes with it.
 */
class MessageSubscriptionsDeletedAloneTest {

  private ProcessEngine engine;

  @BeforeEach
  void aWaitForASignalInsideAScopeAMessageEnds() {
    engine = OwnEngine.with("message-subscriptions", new MessageSubscriptionsDeletedAlone.Plugin()).buildProcessEngine();
    BpmnModelInstance waits = Bpmn.createExecutableProcess("waits").camundaHistoryTimeToLive(1)
        .startEvent()
        .subProcess("waiting").embeddedSubProcess()
          .startEvent().intermediateCatchEvent("recalled").signal("recall").endEvent()
        .subProcessDone()
        .endEvent("done")
        .moveToActivity("waiting").boundaryEvent("withdrawn").message("withdrawn").endEvent("ended-early")
        .done();
    BpmnModelInstance recalls = Bpmn.createExecutableProcess("recalls").camundaHistoryTimeToLive(1)
        .startEvent().intermediateThrowEvent("recall-later").signal("recall").endEvent().done();
    recalls.getModelElementsByType(SignalEventDefinition.class).forEach(signal -> signal.setCamundaAsync(true));
    engine.getRepositoryService().createDeployment().addModelInstance("waits.bpmn", waits)
        .addModelInstance("recalls.bpmn", recalls).deploy();
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theEngineUsesTheManager() {
    Command<EventSubscriptionManager> manager = context -> context.getEventSubscriptionManager();
    assertThat((Object) configuration().getCommandExecutorTxRequired().execute(manager))
        .isInstanceOf(MessageSubscriptionsDeletedAlone.class);
  }

  @Test
  void aMessageSubscriptionIsDeletedWithoutALookForItsJobs() throws Exception {
    engine.getRuntimeService().startProcessInstanceByKey("waits");
    countStatements();

    engine.getRuntimeService().correlateMessage("withdrawn");

    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().count()).isZero();
    assertThat(statements("DELETE FROM ACT_RU_EVENT_SUBSCR")).isEqualTo(2);
    assertThat(statements("FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = ?")).as("looks for a subscription's event jobs")
        .isOne(); // the signal subscription's, as the engine does; none for the message's
  }

  @Test
  void aSignalSubscriptionsPendingEventJobIsDeletedWithIt() {
    engine.getRuntimeService().startProcessInstanceByKey("waits");
    engine.getRuntimeService().startProcessInstanceByKey("recalls");
    assertThat(engine.getManagementService().createJobQuery().count()).as("the recall, to be delivered later").isOne();

    engine.getRuntimeService().correlateMessage("withdrawn");

    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private void countStatements() throws Exception {
    try (Connection connection = configuration().getDataSource().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("SET QUERY_STATISTICS FALSE");
      sql.execute("SET QUERY_STATISTICS TRUE");
    }
  }

  private long statements(String containing) throws Exception {
    long count = 0;
    try (Connection connection = configuration().getDataSource().getConnection();
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rows.next()) {
        if (rows.getString(1).replaceAll("\\s+", " ").toUpperCase().contains(containing)) {
          count += rows.getLong(2);
        }
      }
    }
    return count;
  }
}
