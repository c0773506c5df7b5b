package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KeptStartTimesHistoryHandler} on an engine of its own: an instance ended after the one
 * that started it gets its duration from the start time kept, and one this engine did not start
 * (another node's, or from before a restart) from the start time in the database. The database's
 * start time is moved an hour back between the two to tell which was used.
 */
class KeptStartTimesHistoryHandlerTest {

  private static final long HOUR = 3_600_000;
  private final String database = OwnEngine.newDatabase("kept-start-times");
  private ProcessEngine engine;
  private final Date started = new Date(1_700_000_000_000L);

  @BeforeEach
  void aTaskWaitingSinceTheStart() {
    ClockUtil.setCurrentTime(started);
    engine = engine();
    engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
        Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1)
            .startEvent().userTask("do-it").endEvent().done()).deploy();
    engine.getRuntimeService().startProcessInstanceByKey("wait");
    moveStartsAnHourBack();
    ClockUtil.setCurrentTime(new Date(started.getTime() + 5_000));
  }

  @AfterEach
  void closeTheEngine() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void theEngineRunsTheHandlerInPlaceOfItsOwn() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).hasExactlyElementsOfTypes(KeptStartTimesHistoryHandler.class);
  }

  @Test
  void anInstanceStartedHereEndsWithTheDurationFromTheStartTimeKept() {
    completeTheTask();
    assertDurations(5_000);
  }

  @Test
  void anInstanceStartedElsewhereEndsWithTheDurationFromTheDatabase() {
    engine.close();
    engine = engine();
    completeTheTask();
    assertDurations(HOUR + 5_000);
  }

  private ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration configuration =
        OwnEngine.on(database, "kept-start-times", new KeptStartTimesHistoryHandler.Plugin());
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    return configuration.buildProcessEngine();
  }

  private void moveStartsAnHourBack() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection()) {
      for (String table : List.of("ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_PROCINST")) {
        try (PreparedStatement move = connection.prepareStatement("update " + table + " set START_TIME_ = ?")) {
          move.setTimestamp(1, new Timestamp(started.getTime() - HOUR));
          assertThat(move.executeUpdate()).isPositive();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void completeTheTask() {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());
  }

  private void assertDurations(long millis) {
    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricActivityInstanceQuery().activityId("do-it").singleResult().getDurationInMillis())
        .isEqualTo(millis);
    assertThat(history.createHistoricTaskInstanceQuery().singleResult().getDurationInMillis()).isEqualTo(millis);
    assertThat(history.createHistoricProcessInstanceQuery().singleResult().getDurationInMillis()).isEqualTo(millis);
  }
}
