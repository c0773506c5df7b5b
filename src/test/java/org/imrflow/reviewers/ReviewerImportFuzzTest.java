package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/reviewers/import gets 500 CSV files whose one reviewer row is wrong in one to three
 * cells (a number that is none, a boolean that is none, a license or affiliation not in its shape,
 * an unknown affiliation kind, an expiry that is no date): each is a 400 problem+json naming the row
 * and the column, and nobody is imported; the row as it was is then imported.
 */
@IntegrationTest
class ReviewerImportFuzzTest {

  private static final String HEADER =
      "userId,name,boardCertifications,subspecialties,licenses,yearsInPractice,activePracticeHoursPerWeek,affiliations,active,email";
  private static final Map<String, List<String>> WRONG = Map.of(
      "yearsInPractice", List.of("abc", "5.5", "-", "true"),
      "activePracticeHoursPerWeek", List.of("thirty", "1e3", "x"),
      "active", List.of("maybe", "tru", "2", "on"),
      "licenses", List.of("CA:A1", "CA:A1:2030-13-01", "CA", "CA:A1:30/06/2030"),
      "affiliations", List.of("EMPLOYER", "NOKIND:1:Acme Co.", "7:1:Acme Co."));

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @Test
  void wrongCellsAreRefusedNamingRowAndColumnAndImportNobody() {
    String userId = "dr-csv-" + UUID.randomUUID().toString().substring(0, 6);
    identity.saveUser(identity.newUser(userId));
    identity.createMembership(userId, "reviewers");
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("userId", userId);
    valid.put("name", "Csv Reviewer MD");
    valid.put("boardCertifications", "Family Practice");
    valid.put("subspecialties", "");
    valid.put("licenses", "CA:A1:2030-01-01");
    valid.put("yearsInPractice", "10");
    valid.put("activePracticeHoursPerWeek", "30");
    valid.put("affiliations", "EMPLOYER::Sunrise Packing Co.");
    valid.put("active", "true");
    valid.put("email", "");
    Random random = new Random(17);
    List<String> columns = List.copyOf(WRONG.keySet());
    for (int i = 0; i < 500; i++) {
      Map<String, String> row = new LinkedHashMap<>(valid);
      List<String> mutated = new ArrayList<>();
      for (int m = 0, count = 1 + random.nextInt(3); m < count; m++) {
        String column = columns.get(random.nextInt(columns.size()));
        List<String> values = WRONG.get(column);
        row.put(column, values.get(random.nextInt(values.size())));
        mutated.add(column);
      }
      ResponseEntity<String> answer = post(row);
      assertThat(answer.getStatusCode().value()).as("%s: %s", row, answer.getBody()).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      List<String> named = new ArrayList<>();
      Api.json(answer).path("errors").forEach(e -> named.add(e.get("field").asText() + " " + e.get("message").asText()));
      assertThat(named).as("%s: %s", row, answer.getBody())
          .anyMatch(e -> e.startsWith("line 2 ") && mutated.stream().anyMatch(e::contains));
    }
    Api api = new Api(rest);
    assertThat(api.get("coordinator", "/api/reviewers/" + userId).getStatusCode().value()).as("nobody imported")
        .isEqualTo(404);
    assertThat(post(valid).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<String> post(Map<String, String> row) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("coordinator", "coordinator");
    headers.setContentType(MediaType.valueOf("text/csv"));
    String csv = HEADER + "\n" + String.join(",", row.values()) + "\n";
    return rest.exchange("/api/reviewers/import", HttpMethod.POST, new HttpEntity<>(csv, headers), String.class);
  }
}
