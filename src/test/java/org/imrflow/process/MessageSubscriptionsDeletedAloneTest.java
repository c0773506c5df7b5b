package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageSubscriptionsDeletedAlone} on an engine of its own (H2's query statistics count the
 * statements). An event-based gateway waits for a message or a signal; the message arrives and both
 * subscriptions are deleted: the message's without a look for its event jobs, the signal's with it,
 * as the engine does.
 */
class MessageSubscriptionsDeletedAloneTest {

  private ProcessEngine engine;

  @BeforeEach
  void aMessageOrASignalAwaited() {
    engine = OwnEngine.with("message-subscriptions", new MessageSubscriptionsDeletedAlone.Plugin()).buildProcessEngine();
    BpmnModelInstance waits = Bpmn.createExecutableProcess("waits").camundaHistoryTimeToLive(1)
        .startEvent().eventBasedGateway().id("either")
        .intermediateCatchEvent("withdrawn").message("withdrawn").userTask("after").endEvent()
        .moveToNode("either").intermediateCatchEvent("recalled").signal("recall").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("waits.bpmn", waits).deploy();
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theEngineUsesTheManager() {
    Command<EventSubscriptionManager> manager = context -> context.getEventSubscriptionManager();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat((Object) configuration.getCommandExecutorTxRequired().execute(manager))
        .isInstanceOf(MessageSubscriptionsDeletedAlone.class);
  }

  @Test
  void aMessageSubscriptionIsDeletedWithoutALookForItsJobs() throws Exception {
    engine.getRuntimeService().startProcessInstanceByKey("waits");
    OwnEngine.countStatements(engine);

    engine.getRuntimeService().correlateMessage("withdrawn");

    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().count()).isZero();
    assertThat(OwnEngine.statementsExecuted(engine, sql -> sql.startsWith("delete from ACT_RU_EVENT_SUBSCR")))
        .isEqualTo(2);
    assertThat(OwnEngine.statementsExecuted(engine, sql -> sql.contains("from ACT_RU_JOB where HANDLER_TYPE_ = ?")))
        .as("looks for a subscription's event jobs").isOne(); // the signal subscription's, as the engine does
  }
}
