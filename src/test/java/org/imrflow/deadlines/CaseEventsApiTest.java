package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.process.CaseProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/cases/{n}/expedite and /terminate through the API (API.md §5). */
@IntegrationTest
class CaseEventsApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
  }

  @AfterEach
  void tearDown() {
    EngineClock.reset();
  }

  @Test
  void aCertificationMakesTheReviewExpeditedWithItsDeadlinesRecomputed() {
    String n = caseInReview();
    ResponseEntity<String> response = api.post("coordinator", "/api/cases/" + n + "/expedite",
        "{\"certifiedOn\": \"2014-08-12\", \"reason\": \"Progressive neurological deficit\"}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode c = Api.json(response);
    assertThat(c.get("expedited").asBoolean()).isTrue();
    assertThat(c.get("deadlines").get("determinationDue").asText()).isEqualTo("2014-08-15");
    assertThat(api.post("coordinator", "/api/cases/" + n + "/expedite", "{\"certifiedOn\": \"2014-08-12\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(Api.json(api.post("coordinator", "/api/cases/" + n + "/expedite", "{\"certifiedOn\": \"2099-01-01\"}"))
        .get("errors").findValuesAsText("field")).containsExactly("certifiedOn");
  }

  @Test
  void authorizedTreatmentEndsTheReviewAndItsOpenTasks() {
    String n = caseInReview();
    ResponseEntity<String> bad = api.post("coordinator", "/api/cases/" + n + "/terminate",
        "{\"reason\": \"BORED\", \"on\": \"2014-08-12\"}");
    assertThat(Api.json(bad).get("errors").findValuesAsText("field")).containsExactly("reason");
    ResponseEntity<String> response = api.post("coordinator", "/api/cases/" + n + "/terminate",
        "{\"reason\": \"TREATMENT_AUTHORIZED\", \"on\": \"2014-08-12\"}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.json(response).get("status").asText()).isEqualTo("TERMINATED");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).count()).isZero();
    // The reviewer still reads the case they were assigned to; another reviewer does not.
    assertThat(api.get("dr-morales", "/api/cases/" + n).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("dr-chen", "/api/cases/" + n).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.post("coordinator", "/api/cases/" + n + "/terminate",
        "{\"reason\": \"WITHDRAWN\", \"on\": \"2014-08-12\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void invalidBodiesNameTheirFieldsButOnlyToThoseAllowedToPostThem() {
    String n = caseInReview();
    JsonNode records = Api.json(api.post("coordinator", "/api/cases/" + n + "/records",
        "{\"receivedOn\": \"2014-08-12\", \"documents\": [{\"title\": \"\"}, null]}"));
    assertThat(records.get("errors").findValuesAsText("field")).containsExactly("complete", "documents[0].title", "documents[1]");
    JsonNode terminate = Api.json(api.post("coordinator", "/api/cases/" + n + "/terminate", "{\"on\": \"2099-01-01\"}"));
    assertThat(terminate.get("errors").findValuesAsText("field")).containsExactly("on", "reason");
    // A reviewer may post neither: refused for who they are, before what they sent is read.
    assertThat(api.post("dr-chen", "/api/cases/" + n + "/terminate", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("dr-chen", "/api/cases/" + n + "/records", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** A case assigned to dr-morales, waiting for the attestation. */
  private String caseInReview() {
    JsonNode c = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    String n = c.get("caseNumber").asText();
    api.post("coordinator", "/api/cases/" + n + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(n).singleResult().getId(),
        Map.of(CaseProcess.REVIEWER_ID.name(), "dr-morales"));
    Jobs.runDue(management, c.get("processInstanceId").asText());
    return n;
  }
}
