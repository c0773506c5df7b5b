package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.Cases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The reviewer panel through API.md §6: profiles, CSV onboarding, and candidates for a case. */
@IntegrationTest
class ReviewerApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ReviewerCandidates reviewerCandidates;
  @Autowired Cases cases;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @Test
  void aCamundaUserBecomesAPanelReviewer() {
    String id = camundaUser("dr-new");
    ResponseEntity<String> created = api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/reviewers/" + id);
    JsonNode read = Api.json(api.get("coordinator", "/api/reviewers/" + id));
    assertThat(read.get("boardCertifications").get(0).asText()).isEqualTo("Physical Medicine and Rehabilitation");
    assertThat(read.get("openCases").asInt()).isZero();
    assertThat(api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(api.put("coordinator", "/api/reviewers/" + id, profile(id, "TX", "[]")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(Api.json(api.get("coordinator", "/api/reviewers/" + id)).get("licenses").get(0).get("state").asText())
        .isEqualTo("TX");
    assertThat(Api.json(api.get("demo", "/engine-rest/group?member=" + id)).findValuesAsText("id")).contains("reviewers");
  }

  @Test
  void invalidProfilesAreRefusedWithTheirFields() {
    ResponseEntity<String> unknownUser = api.post("coordinator", "/api/reviewers", profile("no-such-user", "CA", "[]"));
    assertThat(unknownUser.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.json(unknownUser).get("errors").findValuesAsText("field")).containsExactly("userId");
    ResponseEntity<String> badState = api.post("coordinator", "/api/reviewers", profile(camundaUser("dr-bad"), "California", "[]"));
    assertThat(Api.json(badState).get("errors").findValuesAsText("field")).containsOnly("licenses[0].state");
    ResponseEntity<String> badKind = api.post("coordinator", "/api/reviewers", profile(camundaUser("dr-bad"), "CA",
        "[{\"kind\": \"COUSIN\", \"name\": \"x\"}]"));
    assertThat(badKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.json(badKind).get("errors").findValuesAsText("field")).containsExactly("affiliations[0].kind");
  }

  @Test
  void professionAndDatedCertificationsAreKeptAndShown() {
    String id = camundaUser("dr-dated");
    String body = """
        {"userId": "%s", "name": "Dated Reviewer, DO", "profession": "DO", "boardCertifications": ["Family Practice"],
         "certifications": [{"name": "Orthopedic Surgery", "expires": "2031-06-30"}],
         "licenses": [{"state": "CA", "number": "X1", "expires": "2099-12-31"}],
         "yearsInPractice": 10, "activePracticeHoursPerWeek": 30}
        """.formatted(id);
    ResponseEntity<String> created = api.post("coordinator", "/api/reviewers", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode read = Api.json(api.get("coordinator", "/api/reviewers/" + id));
    assertThat(read.get("profession").asText()).isEqualTo("DO");
    assertThat(read.get("certifications").get(0).get("name").asText()).isEqualTo("Orthopedic Surgery");
    assertThat(read.get("certifications").get(0).get("expires").asText()).isEqualTo("2031-06-30");
    // Clients that read only boardCertifications still see every certification.
    assertThat(read.get("boardCertifications")).extracting(JsonNode::asText)
        .containsExactly("Family Practice", "Orthopedic Surgery");
  }

  @Test
  void anUnknownProfessionOrACertificationWithoutExpiryIsRefusedNamingTheField() {
    String id = camundaUser("dr-bad");
    ResponseEntity<String> unknown = api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]")
        .replace("\"active\": true", "\"active\": true, \"profession\": \"SHAMAN\""));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.json(unknown).get("errors").findValuesAsText("field")).containsExactly("profession");
    ResponseEntity<String> number = api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]")
        .replace("\"active\": true", "\"active\": true, \"profession\": 1"));
    assertThat(Api.json(number).get("errors").findValuesAsText("field")).containsExactly("profession");
    ResponseEntity<String> undated = api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]")
        .replace("\"active\": true", "\"active\": true, \"certifications\": [{\"name\": \"Orthopedic Surgery\"}]"));
    assertThat(undated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(Api.json(undated).get("errors").findValuesAsText("field")).containsExactly("certifications[0].expires");
    ResponseEntity<String> unnamed = api.post("coordinator", "/api/reviewers", profile(id, "CA", "[]")
        .replace("\"active\": true", "\"active\": true, \"certifications\": [{\"expires\": \"2030-01-01\"}]"));
    assertThat(Api.json(unnamed).get("errors").findValuesAsText("field")).containsExactly("certifications[0].name");
    assertThat(api.get("coordinator", "/api/reviewers/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theCsvCarriesProfessionAndCertifications() {
    String a = "csv-" + UUID.randomUUID().toString().substring(0, 6);
    String bad = """
        userId,name,profession,boardCertifications,certifications,licenses,yearsInPractice,activePracticeHoursPerWeek
        %s,Ann A,SHAMAN,Family Practice,,CA:A1:2030-01-01,10,30
        %s,Ann A,MD,Family Practice,Orthopedic Surgery,CA:A1:2030-01-01,10,30
        %s,Ann A,MD,Family Practice,Orthopedic Surgery:31/12/2030,CA:A1:2030-01-01,10,30
        """.formatted(a, a + "b", a + "c");
    ResponseEntity<String> refused = csv(bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = Api.json(refused).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("line 2", "line 3", "line 4");
    assertThat(errors.findValuesAsText("message")).anyMatch(m -> m.startsWith("profession:"))
        .anyMatch(m -> m.contains("has no expiry date")).anyMatch(m -> m.contains("is not a date"));
    String good = """
        userId,name,profession,boardCertifications,certifications,licenses,yearsInPractice,activePracticeHoursPerWeek
        %s,Raj P,dc,,,CA:D1:2030-01-01,20,40
        """.formatted(a);
    assertThat(csv(good).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode raj = Api.json(api.get("coordinator", "/api/reviewers/" + a));
    assertThat(raj.get("profession").asText()).isEqualTo("DC");
    String dated = """
        userId,name,profession,boardCertifications,certifications,licenses,yearsInPractice,activePracticeHoursPerWeek
        %s,Raj P,MD,,Surgery: Hand:2030-01-01,CA:D1:2030-01-01,20,40
        """.formatted(a);
    assertThat(csv(dated).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.json(api.get("coordinator", "/api/reviewers/" + a)).get("certifications").get(0).get("name").asText())
        .isEqualTo("Surgery: Hand");
  }

  @Test
  void aPanelIsOnboardedFromCsvOrNotAtAll() {
    String a = "csv-" + UUID.randomUUID().toString().substring(0, 6);
    String b = "csv-" + UUID.randomUUID().toString().substring(0, 6);
    String bad = """
        userId,name,boardCertifications,subspecialties,licenses,yearsInPractice,activePracticeHoursPerWeek,affiliations,active
        %s,Ann A,Family Practice,,CA:A1:2030-01-01,10,30,,true
        ,No Id,Family Practice,,CA:A2:2030-01-01,10,30,,true
        %s,Bob B,Orthopedic Surgery,Sports Medicine,TX:T1:soon,ten,30,COUSIN::x,maybe
        """.formatted(a, b);
    ResponseEntity<String> refused = csv(bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> lines = Api.json(refused).get("errors").findValuesAsText("field");
    assertThat(lines).contains("line 3", "line 4").doesNotContain("line 2");
    assertThat(api.get("coordinator", "/api/reviewers/" + a).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    String good = """
        userId,name,boardCertifications,subspecialties,licenses,yearsInPractice,activePracticeHoursPerWeek,affiliations,active,email
        %s,Ann A,Family Practice;Sports Medicine,,CA:A1:2030-01-01;NV:N1:2029-01-01,10,30,EMPLOYER::Sunrise Packing Co.,true,ann@example.org
        %s,Bob B,Orthopedic Surgery,Sports Medicine,TX:T1:2031-01-01,15,40,,true,
        """.formatted(a, b);
    ResponseEntity<String> imported = csv(good);
    assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.json(imported).get("imported").asInt()).isEqualTo(2);
    JsonNode ann = Api.json(api.get("coordinator", "/api/reviewers/" + a));
    assertThat(ann.get("licenses")).hasSize(2);
    assertThat(ann.get("affiliations").get(0).get("kind").asText()).isEqualTo("EMPLOYER");
  }

  @Test
  void candidatesAreScreenedAndRankedForTheCase() {
    String ca = camundaUser("dr-ca");
    String tx = camundaUser("dr-tx");
    api.post("coordinator", "/api/reviewers", profile(ca, "CA", "[]"));
    api.post("coordinator", "/api/reviewers", profile(tx, "TX", "[]"));
    String[][] ties = {
        {"EMPLOYER", "FEIN-95-0000001", "", "CONFLICT_EMPLOYER"},
        {"CLAIMS_ADMINISTRATOR", "", "golden state claims services", "CONFLICT_CLAIMS_ADMINISTRATOR"},
        {"UR_ORGANIZATION", "UR-0003", "", "CONFLICT_UR_ORGANIZATION"},
        {"PROVIDER", "", "Dr Il", "CONFLICT_PROVIDER"},
        {"OTHER", "", "J. Doe", "CONFLICT_EMPLOYEE"}};
    for (String[] tie : ties) {
      String id = camundaUser("dr-tied");
      api.post("coordinator", "/api/reviewers", profile(id, "CA", "[{\"kind\": \"%s\", \"id\": %s, \"name\": %s}]"
          .formatted(tie[0], tie[1].isEmpty() ? "null" : "\"" + tie[1] + "\"", tie[2].isEmpty() ? "null" : "\"" + tie[2] + "\"")));
      tie[2] = id;
    }
    String n = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()))
        .get("caseNumber").asText();
    JsonNode candidates = Api.json(api.get("coordinator", "/api/cases/" + n + "/reviewer-candidates"));
    assertThat(reviewerCandidates.forCase(cases.get(n))).isSortedAccordingTo(ReviewerCandidates.RANKING)
        .extracting(Candidate::userId).containsExactlyElementsOf(candidates.findValuesAsText("userId"));
    List<String> order = candidates.findValuesAsText("userId");
    assertThat(order.indexOf(ca)).isLessThan(order.indexOf(tx));
    boolean seenIneligible = false;
    for (JsonNode c : candidates) {
      seenIneligible |= !c.get("eligible").asBoolean();
      assertThat(c.get("eligible").asBoolean() && seenIneligible).as("eligible ones first").isFalse();
    }
    for (String[] tie : ties) {
      JsonNode tied = find(candidates, tie[2]);
      assertThat(tied.get("eligible").asBoolean()).isFalse();
      assertThat(tied.get("reasons")).extracting(JsonNode::asText).containsExactly(tie[3]);
    }
    assertThat(find(candidates, "dr-rivera").get("reasons")).extracting(JsonNode::asText)
        .containsExactly("CONFLICT_CLAIMS_ADMINISTRATOR");
    assertThat(find(candidates, "dr-schmidt").get("reasons")).extracting(JsonNode::asText)
        .containsExactly("CONFLICT_EMPLOYER");
    assertThat(find(candidates, "dr-goldberg").get("reasons")).extracting(JsonNode::asText)
        .containsExactly("SPECIALTY_MISMATCH");
  }

  private static JsonNode find(JsonNode candidates, String userId) {
    for (JsonNode c : candidates) {
      if (c.get("userId").asText().equals(userId)) {
        return c;
      }
    }
    throw new AssertionError(userId + " is not a candidate");
  }

  private ResponseEntity<String> csv(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("coordinator", "coordinator");
    headers.setContentType(MediaType.valueOf("text/csv"));
    return rest.exchange("/api/reviewers/import", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** A Camunda user in group reviewers, made through the engine REST API as the administrator. */
  private String camundaUser(String prefix) {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    ResponseEntity<String> user = api.post("demo", "/engine-rest/user/create", """
        {"profile": {"id": "%s", "firstName": "Test", "lastName": "Reviewer", "email": "%s@example.org"},
         "credentials": {"password": "%s"}}""".formatted(id, id, id));
    assertThat(user.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(api.put("demo", "/engine-rest/group/reviewers/members/" + id, null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return id;
  }

  private static String profile(String userId, String state, String affiliations) {
    return """
        {"userId": "%s", "name": "Test Reviewer, MD", "boardCertifications": ["Physical Medicine and Rehabilitation"],
         "subspecialties": [], "licenses": [{"state": "%s", "number": "X1", "expires": "2099-12-31"}],
         "yearsInPractice": 10, "activePracticeHoursPerWeek": 30, "affiliations": %s, "active": true}
        """.formatted(userId, state, affiliations);
  }
}
