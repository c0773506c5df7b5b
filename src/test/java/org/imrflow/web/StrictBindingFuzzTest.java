package org.imrflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseRepository;
import org.imrflow.mail.EmbeddedMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every POST endpoint gets 500 wrongly typed bodies (numbers for enums or strings, strings for
 * booleans or numbers, objects or arrays for strings, unknown enum values, dates that are none):
 * each answer is a 400 problem+json naming a field that was mutated, and nothing is created or
 * changed.
 */
@IntegrationTest
class StrictBindingFuzzTest {

  private static final int BODIES = 500;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> ITEM_ENUMS = Set.of("category", "condition", "bodyRegions", "procedure");

  @Autowired TestRestTemplate rest;
  @Autowired CaseRepository cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired EmbeddedMailServer mail;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void applications() {
    String[] samples = {"seed-pt-exceeds", "expedited-two-items", "postsurgical-meniscectomy", "chiro-trial-within",
        "unsigned-cnc"};
    List<MutatedBodies.Mutated> bodies = new ArrayList<>();
    for (int i = 0; i < samples.length; i++) {
      bodies.addAll(MutatedBodies.of(TestCases.unique(samples[i]), BODIES / samples.length, i,
          union(ITEM_ENUMS, Set.of("sex", "role"))));
    }
    refusedAndNothingCreated("/api/cases", TestCases.unique(samples[0]), bodies, this::everything);
  }

  @Test
  void records() {
    String caseNumber = newCase();
    JsonNode valid = json("{\"receivedOn\": \"2014-08-12\", \"complete\": true, \"documents\": [{\"title\": "
        + "\"PR-2 progress report\", \"date\": \"2014-07-07\", \"author\": \"Dr. Il\"}]}");
    refusedAndNothingCreated("/api/cases/" + caseNumber + "/records", valid, MutatedBodies.of(valid, BODIES, 11, Set.of()),
        () -> everything() + caseState(caseNumber));
  }

  @Test
  void expedite() {
    String caseNumber = caseInReview();
    JsonNode valid = json("{\"certifiedOn\": \"2014-08-14\", \"reason\": \"Imminent threat to the employee's health\"}");
    refusedAndNothingCreated("/api/cases/" + caseNumber + "/expedite", valid, MutatedBodies.of(valid, BODIES, 12, Set.of()),
        () -> everything() + caseState(caseNumber));
  }

  @Test
  void terminate() {
    String caseNumber = caseInReview();
    JsonNode valid = json("{\"reason\": \"WITHDRAWN\", \"on\": \"2014-08-20\"}");
    refusedAndNothingCreated("/api/cases/" + caseNumber + "/terminate", valid, MutatedBodies.of(valid, BODIES, 13, Set.of("reason")),
        () -> everything() + caseState(caseNumber));
  }

  @Test
  void reviewers() {
    // A Camunda user without a panel profile: the unmutated body would register it.
    String userId = "dr-fuzz-" + UUID.randomUUID().toString().substring(0, 6);
    identity.saveUser(identity.newUser(userId));
    identity.createMembership(userId, "reviewers");
    ObjectNode valid = (ObjectNode) json("{\"userId\": \"" + userId + "\", \"name\": \"Fuzz Reviewer, MD\", \"boardCertifications\": [\"Physical Medicine and Rehabilitation\"],"
        + " \"subspecialties\": [\"Pain Medicine\"], \"licenses\": [{\"state\": \"CA\", \"number\": \"A1\","
        + " \"expires\": \"2030-06-30\"}], \"yearsInPractice\": 12, \"activePracticeHoursPerWeek\": 30,"
        + " \"affiliations\": [{\"kind\": \"EMPLOYER\", \"id\": \"FEIN-1\", \"name\": \"Acme Co.\"}], \"active\": true}");
    refusedAndNothingCreated("/api/reviewers", valid, MutatedBodies.of(valid, BODIES, 14, Set.of("kind")), this::everything);
  }

  @Test
  void guidelineChecks() {
    ObjectNode valid = (ObjectNode) TestCases.json("seed-pt-exceeds").get("disputedItems").get(0).deepCopy();
    valid.put("dateOfInjury", "2013-12-11").put("asOf", "2014-07-24");
    refusedAndNothingCreated("/api/guidelines/check", valid, MutatedBodies.of(valid, BODIES, 15, ITEM_ENUMS), this::everything);
  }

  /** Then the unmutated body is accepted: each refusal was the mutation's doing. */
  private void refusedAndNothingCreated(String path, JsonNode valid, List<MutatedBodies.Mutated> bodies,
      Supplier<String> state) {
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(BODIES);
    String before = state.get();
    for (MutatedBodies.Mutated body : bodies) {
      ResponseEntity<String> answer = api.post("coordinator", path, body.body());
      assertThat(answer.getStatusCode().value()).as("%s with %s changed: %s", path, body.paths(), answer.getBody())
          .isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      List<String> named = new ArrayList<>();
      Api.json(answer).path("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as("%s with %s changed: %s", path, body.paths(), answer.getBody())
          .anyMatch(field -> body.paths().contains(field));
    }
    assertThat(state.get()).as("nothing created or changed by the refused bodies").isEqualTo(before);
    ResponseEntity<String> accepted = api.post("coordinator", path, valid.toString());
    assertThat(accepted.getStatusCode().is2xxSuccessful()).as(accepted.getBody()).isTrue();
  }

  private String everything() {
    return cases.count() + " cases, " + jdbc.queryForObject("select count(*) from reviewer", Long.class) + " reviewers, "
        + history.createHistoricProcessInstanceQuery().count() + " processes, " + mail.received().size() + " messages";
  }

  private String caseState(String caseNumber) {
    return ", case " + Api.json(api.get("coordinator", "/api/cases/" + caseNumber)).toString();
  }

  private String newCase() {
    ResponseEntity<String> created = api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString());
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return Api.json(created).get("caseNumber").asText();
  }

  private String caseInReview() {
    String caseNumber = newCase();
    ResponseEntity<String> records = api.post("coordinator", "/api/cases/" + caseNumber + "/records",
        "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    assertThat(records.getStatusCode().value()).isEqualTo(200);
    return caseNumber;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
