package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine runs at {@link AuditHistoryLevel}: a case driven through /api and /engine-rest leaves
 * its operation log (a claim, an assignment), task and activity history, and /api/cases/{n}/audit
 * shows who did what; it leaves no variable instance, variable update detail or job log row, and no
 * task worker meter row (Camunda's licence metric) for its assignments.
 */
@IntegrationTest
class AuditHistoryLevelTest {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theEngineAndTheDatabaseRunAtTheAuditLevel() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(AuditHistoryLevel.NAME);
    assertThat(jdbc.queryForObject("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'", String.class))
        .isEqualTo(Integer.toString(AuditHistoryLevel.ID));
    AuditHistoryLevel level = new AuditHistoryLevel();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.USER_OPERATION_LOG, null)).isTrue();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, null)).isFalse();
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, null)).isFalse();
    assertThat(configuration.isTaskMetricsEnabled()).isFalse();
  }

  @Test
  void aCaseKeepsWhoDidWhatButNoVariableHistory() {
    EngineClock.setTo(LocalDate.of(2014, 8, 4));
    Api api = new Api(rest);
    JsonNode created = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    Jobs.runDue(management, pi);
    assertThat(api.post("coordinator", "/api/cases/" + n + "/records",
        "{\"receivedOn\": \"2014-08-04\", \"complete\": true}").getStatusCode().value()).isEqualTo(200);
    String task = Api.json(api.get("coordinator", "/engine-rest/task?processInstanceId=" + pi
        + "&taskDefinitionKey=assign-reviewer")).get(0).get("id").asText();
    assertThat(api.post("coordinator", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"coordinator\"}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(api.post("coordinator", "/engine-rest/task/" + task + "/complete",
        "{\"variables\": {\"reviewerId\": {\"value\": \"dr-okafor\"}}}").getStatusCode().value()).isEqualTo(204);
    Jobs.runDue(management, pi);

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("assign-reviewer")
        .finished().count()).isOne();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey("assign-reviewer")
        .singleResult().getAssignee()).isEqualTo("coordinator");
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi).operationType("Claim").userId("coordinator")
        .count()).isOne();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pi).count()).isZero();
    // The claim and the reviewer's attestation assigned tasks: no meter row for either (nor for any test's).
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK_METER_LOG", Long.class)).isZero();

    JsonNode audit = Api.json(api.get("manager", "/api/cases/" + n + "/audit"));
    assertThat(audit.findValuesAsText("action")).contains("STARTED", "RECORDS_RECEIVED", "TASK_CLAIM", "ASSIGNED");
    for (JsonNode entry : audit) {
      if (entry.get("action").asText().equals("TASK_CLAIM")) {
        assertThat(entry.get("user").asText()).isEqualTo("coordinator");
      }
    }
  }

  @Test
  void aCasesHistoryIsKeptSevenYearsAfterItEndsThenCleanedUp() {
    LocalDate ended = LocalDate.of(2024, 4, 8);
    EngineClock.setTo(ended);
    String pi = Api.json(new Api(rest).post("coordinator", "/api/cases", TestCases.unique("late-application").toString()))
        .get("processInstanceId").asText();
    Jobs.runDue(management, pi);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count()).isOne();

    // P2555D (imr-case.bpmn) counted from the day the case ended, found by its end time (no removal time stamped).
    EngineClock.setTo(ended.plusDays(2554));
    cleanUpHistory();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isOne();
    EngineClock.setTo(ended.plusDays(2556));
    cleanUpHistory();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  /** The cleanup job run at once, a batch at a time, as the engine would in its cleanup window. */
  private void cleanUpHistory() {
    String job = history.cleanUpHistoryAsync(true).getId();
    for (int batch = 0; batch < 10; batch++) {
      management.executeJob(job);
    }
  }
}
