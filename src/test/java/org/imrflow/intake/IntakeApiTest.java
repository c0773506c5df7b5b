package org.imrflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseRepository;
import org.imrflow.mail.EmbeddedMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/cases (API.md §4-§5): valid applications become cases; invalid ones create nothing. */
@IntegrationTest
class IntakeApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRepository cases;
  @Autowired RuntimeService runtime;
  @Autowired EmbeddedMailServer mail;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void aValidApplicationBecomesAScreenedCase() {
    // Keyed in the day it was received: records are due 15 days after that day's notice of assignment.
    EngineClock.setTo(LocalDate.of(2014, 8, 4));
    ResponseEntity<String> response;
    try {
      response = api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString());
    } finally {
      EngineClock.reset();
    }
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = Api.json(response);
    String caseNumber = body.get("caseNumber").asText();
    assertThat(caseNumber).matches("CM14-\\d{7}");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + caseNumber);
    assertThat(body.get("status").asText()).isEqualTo("AWAITING_RECORDS");
    assertThat(body.get("eligibility").get("eligible").asBoolean()).isTrue();
    assertThat(body.get("deadlines").get("recordsDue").asText()).isEqualTo("2014-08-19");
    // The notice of assignment: 1 business day after eligibility (Monday), and mailed asynchronously.
    assertThat(body.get("deadlines").get("noticeOfAssignmentDue").asText()).isEqualTo("2014-08-05");
    assertThat(body.get("deadlines").has("noticeOfAssignmentSentOn")).isTrue();
    assertThat(body.get("items").get(0).get("description").asText())
        .isEqualTo("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    JsonNode read = Api.json(api.get("coordinator", "/api/cases/" + caseNumber));
    assertThat(read.get("caseNumber").asText()).isEqualTo(caseNumber);
  }

  @Test
  void anIdenticalApplicationForAnOpenCaseIsRefusedWith409() {
    ObjectNode application = TestCases.unique("seed-pt-exceeds");
    String first = Api.json(api.post("coordinator", "/api/cases", application.toString())).get("caseNumber").asText();
    long before = cases.count();
    ResponseEntity<String> again = api.post("coordinator", "/api/cases", application.toString());
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Api.json(again).get("detail").asText()).contains(first);
    assertThat(cases.count()).isEqualTo(before);
  }

  @Test
  void anItemUnderReviewForTheSameClaimIsRefusedAndTheOthersGoAhead() {
    ObjectNode first = TestCases.unique("expedited-two-items");
    String claim = first.get("employee").get("claimNumber").asText();
    JsonNode firstCase = Api.json(api.post("coordinator", "/api/cases", first.toString()));
    String open = firstCase.get("caseNumber").asText();
    assertThat(firstCase.get("refusedItems")).isEmpty();

    // Another UR decision on the same claim: the MRI again (spaced and cased differently) and a new item.
    ObjectNode second = TestCases.json("expedited-two-items");
    ((ObjectNode) second.get("employee")).put("claimNumber", claim);
    ((ObjectNode) second.get("utilizationReview")).put("decisionDate", "2024-02-20");
    ArrayNode items = (ArrayNode) second.get("disputedItems");
    ((ObjectNode) items.get(0)).put("description", "Chiropractic manipulation low back x6").put("category", "CHIROPRACTIC");
    ((ObjectNode) items.get(1)).put("description", "  mri LUMBAR spine   without contrast ");
    long before = cases.count();
    ResponseEntity<String> partly = api.post("coordinator", "/api/cases", second.toString());
    assertThat(partly.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = Api.json(partly);
    assertThat(answer.get("items")).hasSize(1);
    assertThat(answer.get("items").get(0).get("description").asText()).isEqualTo("Chiropractic manipulation low back x6");
    JsonNode refused = answer.get("refusedItems");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).get("index").asInt()).isEqualTo(1);
    assertThat(refused.get(0).get("reason").asText()).isEqualTo("DUPLICATE");
    assertThat(refused.get(0).get("openCase").asText()).isEqualTo(open);
    assertThat(cases.count()).isEqualTo(before + 1);
    String partial = answer.get("caseNumber").asText();
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(answer.get("processInstanceId").asText())
        .variableName("itemCount").singleResult().getValue()).isEqualTo(1);
    assertThat(Api.json(api.get("coordinator", "/api/cases/" + partial + "/audit")).findValuesAsText("action"))
        .contains("DUPLICATE_ITEMS_REFUSED");

    // Every item under review (in two open cases): the 409 stays, and nothing is created.
    ((ObjectNode) second.get("utilizationReview")).put("decisionDate", "2024-02-22");
    ResponseEntity<String> all = api.post("coordinator", "/api/cases", second.toString());
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(Api.json(all).get("detail").asText()).containsAnyOf(open, partial);
    assertThat(cases.count()).isEqualTo(before + 1);

    // Another claim's same items are another dispute.
    ((ObjectNode) second.get("employee")).put("claimNumber", claim + "-B");
    assertThat(Api.json(api.post("coordinator", "/api/cases", second.toString())).get("refusedItems")).isEmpty();

    // Once the open case ends, its items may be reviewed again.
    assertThat(api.post("coordinator", "/api/cases/" + open + "/terminate",
        "{\"reason\": \"WITHDRAWN\", \"on\": \"" + first.get("applicationReceivedOn").asText() + "\"}")
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    ObjectNode third = TestCases.json("expedited-two-items");
    ((ObjectNode) third.get("employee")).put("claimNumber", claim);
    ((ObjectNode) third.get("utilizationReview")).put("decisionDate", "2024-02-26");
    ((ObjectNode) third.get("disputedItems").get(1)).put("description", "Chiropractic manipulation low back x6")
        .put("category", "CHIROPRACTIC");
    JsonNode again = Api.json(api.post("coordinator", "/api/cases", third.toString()));
    assertThat(again.get("items")).hasSize(1);
    assertThat(again.get("items").get(0).get("description").asText()).startsWith("Pt 2x4");
    assertThat(again.get("refusedItems").get(0).get("openCase").asText()).isEqualTo(partial);
  }

  @Autowired DataSource dataSource;

  @Test
  void theOpenCasesOfAnEarlierVersionGetTheirItemKeysOnMigration() throws Exception {
    ObjectNode application = TestCases.unique("expedited-two-items");
    String n = Api.json(api.post("coordinator", "/api/cases", application.toString())).get("caseNumber").asText();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update("delete from dispute_item where case_number = ?", n);
    try (Connection connection = dataSource.getConnection()) {
      new db.migration.V52__backfill_dispute_items().migrate(new Context() {
        @Override
        public Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return connection;
        }
      });
    }
    assertThat(jdbc.queryForList("select item_index from dispute_item where case_number = ? order by item_index",
        Integer.class, n)).containsExactly(0, 1);
    ((ObjectNode) application.get("utilizationReview")).put("decisionDate", "2024-02-20");
    assertThat(api.post("coordinator", "/api/cases", application.toString()).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void twoIdenticalApplicationsAtOnceMakeOneCase() {
    String application = TestCases.unique("seed-pt-exceeds").toString();
    long before = cases.count();
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      posts.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return api.post("coordinator", "/api/cases", application).getStatusCode().value();
      }));
    }
    start.countDown();
    assertThat(posts.stream().map(CompletableFuture::join).toList())
        .containsExactlyInAnyOrder(201, 409);
    assertThat(cases.count()).isEqualTo(before + 1);
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    assertInvalid(a -> a.remove("applicationReceivedOn"), "applicationReceivedOn");
    assertInvalid(a -> a.remove("signedByEmployee"), "signedByEmployee");
    assertInvalid(a -> ((ObjectNode) a.get("employee")).remove("name"), "employee.name");
    assertInvalid(a -> ((ObjectNode) a.get("employee")).remove("dateOfInjury"), "employee.dateOfInjury");
    assertInvalid(a -> ((ObjectNode) a.get("employer")).remove("name"), "employer.name");
    assertInvalid(a -> ((ObjectNode) a.get("claimsAdministrator")).remove("name"), "claimsAdministrator.name");
    assertInvalid(a -> ((ObjectNode) a.get("utilizationReview")).remove("decisionDate"), "utilizationReview.decisionDate");
    assertInvalid(a -> a.set("disputedItems", a.arrayNode()), "disputedItems");
    assertInvalid(a -> item(a).remove("description"), "disputedItems[0].description");
    assertInvalid(a -> item(a).remove("category"), "disputedItems[0].category");
  }

  @Test
  void badValuesAreNamed() {
    assertInvalid(a -> item(a).put("requestedVisits", -1), "disputedItems[0].requestedVisits");
    assertInvalid(a -> item(a).put("completedVisits", 201), "disputedItems[0].completedVisits");
    assertInvalid(a -> item(a).put("requestedVisits", 8.5), "disputedItems[0].requestedVisits");
    assertInvalid(a -> item(a).put("requestedVisits", "eight"), "disputedItems[0].requestedVisits");
    assertInvalid(a -> item(a).put("category", "HOMEOPATHY"), "disputedItems[0].category");
    assertInvalid(a -> ((ArrayNode) item(a).get("bodyRegions")).add("TAIL"), "disputedItems[0].bodyRegions[2]");
    assertInvalid(a -> a.put("applicationReceivedOn", "2014-13-45"), "applicationReceivedOn");
    assertInvalid(a -> a.put("applicationReceivedOn", "08/04/2014"), "applicationReceivedOn");
    assertInvalid(a -> ((ObjectNode) a.get("employee")).put("email", "not-an-address"), "employee.email");
    assertInvalid(a -> a.put("signedByEmployee", "yes"), "signedByEmployee");
    assertInvalid(a -> item(a).put("formulary", "yes"), "disputedItems[0].formulary");
    assertInvalid(a -> item(a).put("formulary", 1), "disputedItems[0].formulary");
    assertInvalid(a -> item(a).set("surgery", item(a).objectNode().put("procedure", "KNEE_MENISCECTOMY")
        .put("date", "2010-01-01")), "disputedItems[0].surgery.date");
    assertInvalid(a -> ((ObjectNode) a.get("employee")).put("dateOfInjury", "2014-07-25"), "employee.dateOfInjury");
  }

  @Test
  void aFormularyFlagOnAnItemIsOptional() {
    ObjectNode application = TestCases.unique("seed-pt-exceeds");
    item(application).put("formulary", true);
    assertThat(api.post("coordinator", "/api/cases", application.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ObjectNode without = TestCases.unique("seed-pt-exceeds");
    item(without).remove("formulary");
    assertThat(api.post("coordinator", "/api/cases", without.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void unparseableJsonIsA400AndCreatesNothing() {
    long casesBefore = cases.count();
    ResponseEntity<String> response = api.post("coordinator", "/api/cases", "{\"applicationReceivedOn\": ");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Api.json(response).get("title").asText()).isNotBlank();
    assertThat(Api.json(response).get("status").asInt()).isEqualTo(400);
    assertThat(cases.count()).isEqualTo(casesBefore);
  }

  @Test
  void onlyCoordinatorsAndAdministratorsCreateCases() {
    String body = TestCases.unique("seed-pt-exceeds").toString();
    assertThat(api.exchange(null, HttpMethod.POST, "/api/cases", body, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // Not a wrong password for a real user: Camunda would throttle that user's next logins.
    assertThat(api.exchange("nobody:wrong", HttpMethod.POST, "/api/cases", body, MediaType.APPLICATION_JSON)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.post("manager", "/api/cases", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("dr-chen", "/api/cases", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.post("demo", "/api/cases", body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private static ObjectNode item(ObjectNode application) {
    return (ObjectNode) application.get("disputedItems").get(0);
  }

  /** The change makes a 400 problem+json that names the field, and nothing is created. */
  private void assertInvalid(Consumer<ObjectNode> change, String field) {
    ObjectNode application = TestCases.unique("seed-pt-exceeds");
    change.accept(application);
    long casesBefore = cases.count();
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    int mailsBefore = mail.received().size();
    ResponseEntity<String> response = api.post("coordinator", "/api/cases", application.toString());
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = Api.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(mail.received()).hasSize(mailsBefore);
  }

  @Test
  void anApplicationReceivedTomorrowInCaliforniaIsRefusedThoughItIsTodayInUtc() {
    // 23:30 on December 1st in California is already December 2nd in UTC.
    EngineClock.setTo(LocalDateTime.of(2026, 12, 1, 23, 30));
    try {
      long before = cases.count();
      int mails = mail.received().size();
      ObjectNode application = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), java.time.LocalDate.of(2026, 12, 2));
      ResponseEntity<String> response = api.post("coordinator", "/api/cases", application.toString());
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(Api.json(response).get("errors").toString())
          .contains("\"field\":\"applicationReceivedOn\"", "must not be in the future");
      assertThat(cases.count()).isEqualTo(before);
      assertThat(mail.received()).hasSize(mails);

      ObjectNode today = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), java.time.LocalDate.of(2026, 12, 1));
      assertThat(api.post("coordinator", "/api/cases", today.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    } finally {
      EngineClock.reset();
    }
  }
}
