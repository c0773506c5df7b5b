package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.process.CaseProcess;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who may call what (API.md §3): every /api endpoint for each role, and what a reviewer sees
 * through /engine-rest. A reviewer reads only the case assigned to them and learns nothing of
 * any other.
 */
@IntegrationTest
class AccessMatrixTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService engineRuntime;
  Api api;
  String assigned;
  String assignedInstance;
  String unassigned;
  String unassignedInstance;

  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  /** A reviewer of this test only, so that other tests' cases do not show in their lists. */
  String reviewer;

  @BeforeEach
  void twoCases() {
    api = new Api(rest);
    reviewer = "rv-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(reviewer);
    user.setPassword(reviewer);
    identity.saveUser(user);
    identity.createMembership(reviewer, Groups.REVIEWERS);
    panel.register(new ReviewerProfile(reviewer, "Matrix Reviewer, MD", List.of("Family Practice"),
        List.of(), List.of(new ReviewerProfile.License("CA", "M1", LocalDate.of(2099, 1, 1))),
        10, 30, List.of(), true));
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    JsonNode a = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    assigned = a.get("caseNumber").asText();
    assignedInstance = a.get("processInstanceId").asText();
    api.post("coordinator", "/api/cases/" + assigned + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(assigned).singleResult().getId(),
        Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
    Jobs.runDue(management, assignedInstance);
    JsonNode b = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    unassigned = b.get("caseNumber").asText();
    unassignedInstance = b.get("processInstanceId").asText();
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  record Call(HttpMethod method, String path, String body) {
  }

  @Test
  void everyApiEndpointAnswers401WithoutCredentials() {
    for (Call call : calls()) {
      assertThat(api.exchange(null, call.method(), call.path(), call.body(), MediaType.APPLICATION_JSON)
          .getStatusCode().value()).as(call.toString()).isEqualTo(401);
      assertThat(api.exchange("nobody:nothing", call.method(), call.path(), call.body(), MediaType.APPLICATION_JSON)
          .getStatusCode().value()).as(call.toString()).isEqualTo(401);
    }
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/user",
        "/engine-rest/history/process-instance")) {
      assertThat(api.get(null, path).getStatusCode().value()).as(path).isEqualTo(401);
    }
  }

  @Test
  void rolesPerEndpoint() {
    String c = "/api/cases/" + assigned;
    String other = "/api/cases/" + unassigned;
    // path, coordinator, manager, admin (demo), assigned reviewer, other reviewer
    expect(HttpMethod.GET, c, null, 200, 200, 200, 200, 404);
    expect(HttpMethod.GET, other, null, 200, 200, 200, 404, 404);
    expect(HttpMethod.GET, c + "/correspondence", null, 200, 200, 200, 200, 404);
    expect(HttpMethod.GET, c + "/letter", null, 404, 404, 404, 404, 404);
    expect(HttpMethod.GET, c + "/audit", null, 200, 200, 200, 403, 403);
    expect(HttpMethod.GET, c + "/reviewer-candidates", null, 200, 200, 200, 403, 403);
    expect(HttpMethod.GET, "/api/sla", null, 403, 200, 200, 403, 403);
    expect(HttpMethod.GET, "/api/sla/summary", null, 403, 200, 200, 403, 403);
    expect(HttpMethod.GET, "/api/reports/monthly?month=2014-08", null, 403, 200, 200, 403, 403);
    expect(HttpMethod.GET, "/api/reviewers/" + reviewer, null, 200, 200, 200, 200, 403);
    expect(HttpMethod.POST, "/api/guidelines/check", "{\"description\": \"PT\", \"category\": \"PHYSICAL_THERAPY\"}",
        200, 200, 200, 200, 200);
    expect(HttpMethod.POST, other + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": false}",
        200, 200, 200, 403, 403);
    expect(HttpMethod.POST, "/api/cases", "{}", 400, 403, 400, 403, 403);
    expect(HttpMethod.POST, "/api/reviewers", "{}", 400, 403, 400, 403, 403);
    expect(HttpMethod.PUT, "/api/reviewers/dr-okafor", "{}", 400, 403, 400, 403, 403);
    expect(HttpMethod.POST, "/api/reviewers/import", "userId,name", 400, 403, 400, 403, 403);
    expect(HttpMethod.POST, other + "/expedite", "{}", 400, 400, 400, 403, 403);
    expect(HttpMethod.POST, other + "/terminate", "{}", 400, 400, 400, 403, 403);
  }

  @Test
  void aReviewerSeesOnlyTheirOwnCaseThroughTheEngineRestApi() {
    JsonNode mine = Api.json(api.get(reviewer, "/engine-rest/task"));
    assertThat(mine.findValuesAsText("processInstanceId")).isNotEmpty().containsOnly(assignedInstance);
    assertThat(Api.json(api.get("dr-chen", "/engine-rest/task?processInstanceBusinessKey=" + assigned))).isEmpty();
    assertThat(Api.json(api.get(reviewer, "/engine-rest/task?processInstanceBusinessKey=" + unassigned))).isEmpty();
    assertThat(Api.json(api.get(reviewer, "/engine-rest/process-instance")).findValuesAsText("id"))
        .containsOnly(assignedInstance);
    assertThat(Api.json(api.get("dr-chen", "/engine-rest/process-instance")).findValuesAsText("id"))
        .doesNotContain(assignedInstance, unassignedInstance);
    assertThat(api.get("dr-chen", "/engine-rest/process-instance/" + assignedInstance + "/variables")
        .getStatusCode().value()).isIn(403, 404);
    assertThat(Api.json(api.get("dr-chen", "/engine-rest/variable-instance?processInstanceIdIn=" + assignedInstance)))
        .isEmpty();
    assertThat(Api.json(api.get("dr-chen", "/engine-rest/history/process-instance?processInstanceBusinessKey="
        + assigned))).isEmpty();
    assertThat(Api.json(api.get("coordinator", "/engine-rest/task?processInstanceBusinessKey=" + unassigned)))
        .isEmpty();
    assertThat(Api.json(api.get("manager", "/engine-rest/process-instance?businessKey=" + assigned))).hasSize(1);
  }

  @Test
  void aTasksFormLoadsItsViewsForWhoMayReadTheTaskOnlyAndNothingIsStored() {
    String attest = tasks.createTaskQuery().processInstanceBusinessKey(assigned).taskDefinitionKey("attest-no-conflict")
        .singleResult().getId();
    String path = "/engine-rest/task/" + attest + "/form-variables";
    JsonNode form = Api.json(api.get(reviewer, path));
    assertThat(form.get("caseFile").get("type").asText()).isEqualTo("String");
    assertThat(form.get("caseFile").get("value").asText()).contains("**Case " + assigned + "**");
    assertThat(form.has("caseFileDocuments")).isTrue();
    assertThat(Api.json(api.get(reviewer, path + "?variableNames=noConflict")).has("caseFile")).isFalse();
    assertThat(tasks.getVariablesLocal(attest)).doesNotContainKeys("caseFile", "caseFileDocuments");
    var other = api.get("dr-chen", path);
    assertThat(other.getStatusCode().value()).isIn(403, 404);
    assertThat(other.getBody()).doesNotContain(assigned);
  }

  @Test
  void onlyTheAssignedReviewerCompletesTheirTaskThroughTheEngineRestApi() {
    assertThat(engineConfiguration.getCommandCheckers()).hasAtLeastOneElementOfType(TaskGrantFirstChecker.class);
    String attest = tasks.createTaskQuery().processInstanceBusinessKey(assigned).taskDefinitionKey("attest-no-conflict")
        .singleResult().getId();
    String path = "/engine-rest/task/" + attest + "/complete";
    String body = "{\"variables\": {\"noConflict\": {\"value\": true}}}";
    assertThat(api.post("dr-chen", path, body).getStatusCode().value()).isIn(403, 404);
    assertThat(api.post("coordinator", path, body).getStatusCode().value()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(attest).count()).isOne();
    assertThat(api.post(reviewer, path, body).getStatusCode().value()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(attest).count()).isZero();
  }

  @Test
  void bothReviewersOfATwoReviewerCaseReadItAndEachSeesOnlyTheirOwnTasks() {
    JsonNode created = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("two-specialties").toString()));
    String two = created.get("caseNumber").asText();
    String instance = created.get("processInstanceId").asText();
    api.post("coordinator", "/api/cases/" + two + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    Jobs.runDue(management, instance);
    var assignments = tasks.createTaskQuery().processInstanceBusinessKey(two).taskDefinitionKey("assign-reviewer").list();
    assertThat(assignments).hasSize(2);
    for (var task : assignments) {
      Object group = engineRuntime.getVariable(task.getExecutionId(), CaseProcess.REVIEW_GROUP.name());
      tasks.complete(task.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), Integer.valueOf(0).equals(group) ? "dr-chen" : "dr-kim"));
    }
    Jobs.runDue(management, instance);

    JsonNode asKim = Api.json(api.get("dr-kim", "/api/cases/" + two));
    assertThat(asKim.get("reviewGroups")).hasSize(2);
    assertThat(asKim.get("reviewGroups").get(1).get("reviewer").get("userId").asText()).isEqualTo("dr-kim");
    assertThat(api.get("dr-chen", "/api/cases/" + two).getStatusCode().value()).isEqualTo(200);
    assertThat(api.get("dr-goldberg", "/api/cases/" + two).getStatusCode().value()).isEqualTo(404);
    assertThat(Api.json(api.get("dr-kim", "/engine-rest/task?processInstanceBusinessKey=" + two)).findValuesAsText("assignee"))
        .containsExactly("dr-kim");
    assertThat(Api.json(api.get("dr-chen", "/engine-rest/task?processInstanceBusinessKey=" + two)).findValuesAsText("assignee"))
        .containsExactly("dr-chen");
  }

  @Test
  void theFinalLetterIsReadByStaffAndTheCasesReviewerOnly() {
    String c = "/api/cases/" + assigned;
    // Before the letter exists, nobody finds one; a reviewer of another case finds no case at all.
    expectLetter(c, 404, 404, 404, 404, 404);
    decideAndMailTheLetter();
    expectLetter(c, 200, 200, 200, 200, 404);
  }

  private void decideAndMailTheLetter() {
    complete("attest-no-conflict", Map.of(CaseProcess.NO_CONFLICT.name(), true));
    complete("write-case-summary", Map.of(CaseProcess.CASE_SUMMARY.name(), "Summary for the access matrix."));
    complete("decide-item", Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS Physical Medicine, pp. 98-99.",
        CaseProcess.RATIONALE.name(), "Exceeds the recommended visits."));
    // A new reviewer's first cases get a quality review: the quality reviewer approves it.
    for (var review : tasks.createTaskQuery().processInstanceBusinessKey(assigned).taskDefinitionKey("quality-review")
        .list()) {
      assertThat(api.post("qa", "/engine-rest/task/" + review.getId() + "/complete",
          "{\"variables\": {\"qaOutcome\": {\"value\": \"APPROVED\"}}}").getStatusCode().value()).isEqualTo(204);
      Jobs.runDue(management, assignedInstance);
    }
    assertThat(Api.json(api.get("coordinator", "/api/cases/" + assigned)).get("status").asText())
        .isEqualTo("LETTER_SENT");
  }

  private void complete(String taskKey, Map<String, Object> variables) {
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(assigned).taskDefinitionKey(taskKey)
        .singleResult().getId(), variables);
    Jobs.runDue(management, assignedInstance);
  }

  private void expectLetter(String c, int coordinator, int manager, int admin, int assignedReviewer, int otherReviewer) {
    List<String> users = List.of("coordinator", "manager", "demo", reviewer, "dr-chen");
    int[] expected = {coordinator, manager, admin, assignedReviewer, otherReviewer};
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      int status = api.get(users.get(i), c + "/letter", MediaType.TEXT_PLAIN).getStatusCode().value();
      if (status != expected[i]) {
        wrong.add(users.get(i) + " got " + status + " not " + expected[i]);
      }
    }
    assertThat(wrong).as("GET " + c + "/letter").isEmpty();
  }

  private void expect(HttpMethod method, String path, String body, int coordinator, int manager, int admin,
      int assignedReviewer, int otherReviewer) {
    List<String> users = List.of("coordinator", "manager", "demo", reviewer, "dr-chen");
    int[] expected = {coordinator, manager, admin, assignedReviewer, otherReviewer};
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      MediaType type = path.endsWith("/import") ? MediaType.valueOf("text/csv") : MediaType.APPLICATION_JSON;
      int status = body != null && path.endsWith("/import")
          ? rest.withBasicAuth(users.get(i), users.get(i)).exchange(path, method,
              new HttpEntity<>(body, csv()), String.class).getStatusCode().value()
          : api.exchange(users.get(i), method, path, body, type).getStatusCode().value();
      if (status != expected[i]) {
        wrong.add(users.get(i) + " got " + status + " not " + expected[i]);
      }
    }
    assertThat(wrong).as(method + " " + path).isEmpty();
  }

  private static HttpHeaders csv() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return headers;
  }

  private List<Call> calls() {
    String c = "/api/cases/" + assigned;
    return List.of(new Call(HttpMethod.POST, "/api/cases", "{}"), new Call(HttpMethod.GET, c, null),
        new Call(HttpMethod.POST, c + "/records", "{}"), new Call(HttpMethod.POST, c + "/expedite", "{}"),
        new Call(HttpMethod.POST, c + "/terminate", "{}"), new Call(HttpMethod.GET, c + "/letter", null),
        new Call(HttpMethod.GET, c + "/correspondence", null), new Call(HttpMethod.GET, c + "/audit", null),
        new Call(HttpMethod.GET, c + "/reviewer-candidates", null), new Call(HttpMethod.GET, "/api/sla", null),
        new Call(HttpMethod.GET, "/api/reports/monthly?month=2014-08", null),
        new Call(HttpMethod.GET, "/api/sla/summary", null),
        new Call(HttpMethod.POST, "/api/reviewers", "{}"), new Call(HttpMethod.GET, "/api/reviewers/dr-okafor", null),
        new Call(HttpMethod.PUT, "/api/reviewers/dr-okafor", "{}"),
        new Call(HttpMethod.POST, "/api/guidelines/check", "{}"), new Call(HttpMethod.GET, "/api/docs", null));
  }
}
