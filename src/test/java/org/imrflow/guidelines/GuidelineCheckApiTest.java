package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/guidelines/check} over HTTP (API.md §7), with the tables as the engine deployed
 * them: the seed's item answers the contract's example, a missing fact answers with no suggestion.
 */
@IntegrationTest
class GuidelineCheckApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private TestRestTemplate rest;

  @Test
  void theSeedItemAnswersTheContractsExample() throws Exception {
    ObjectNode seed = TestCases.json("seed-pt-exceeds");
    ObjectNode body = (ObjectNode) seed.get("disputedItems").get(0);
    body.set("dateOfInjury", seed.get("employee").get("dateOfInjury"));
    body.set("asOf", seed.get("utilizationReview").get("decisionDate"));

    ResponseEntity<String> response = post("coordinator", body.toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode check = JSON.readTree(response.getBody());
    assertThat(fieldNames(check)).containsExactly("verdict", "suggestedDetermination", "findings", "citation",
        "missingFacts");
    assertThat(check.get("citation").asText()).isEqualTo("Decision based on MTUS Chronic Pain Medical Treatment"
        + " Guidelines 2009, Section(s): Physical medicine treatment.");
    assertThat(check.get("missingFacts")).isEmpty();
    assertThat(check.get("verdict").asText()).isEqualTo("EXCEEDS_GUIDELINE");
    assertThat(check.get("suggestedDetermination").asText()).isEqualTo("UPHELD");
    assertThat(check.get("findings")).hasSize(1);
    JsonNode finding = check.get("findings").get(0);
    assertThat(fieldNames(finding)).containsExactly("rule", "guideline", "section", "pages", "recommendedVisits",
        "totalVisits", "explanation");
    assertThat(finding.get("rule").asText()).isEqualTo("MTUS-CPMTG-PHYSICAL-MEDICINE");
    assertThat(finding.get("guideline").asText()).isEqualTo("MTUS Chronic Pain Medical Treatment Guidelines");
    assertThat(finding.get("section").asText()).isEqualTo("Physical Medicine");
    assertThat(finding.get("pages").asText()).isEqualTo("98-99");
    assertThat(finding.get("recommendedVisits").isInt()).isTrue();
    assertThat(finding.get("recommendedVisits").asInt()).isEqualTo(10);
    assertThat(finding.get("totalVisits").asInt()).isEqualTo(19);
    assertThat(finding.get("explanation").asText()).isEqualTo("8 requested + 11 completed = 19 visits; the guideline"
        + " recommends 9-10 visits over 8 weeks for myalgia and myositis.");
  }

  @Test
  void aMissingFactAnswersWithNoSuggestionAndNamesIt() throws Exception {
    ObjectNode body = (ObjectNode) TestCases.json("acupuncture-missing-facts").get("disputedItems").get(0);
    body.put("asOf", "2015-03-01");

    ResponseEntity<String> response = post("coordinator", body.toString());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode check = JSON.readTree(response.getBody());
    assertThat(check.get("verdict").asText()).isEqualTo("NEEDS_CLINICAL_JUDGEMENT");
    assertThat(check.has("suggestedDetermination")).isTrue();
    assertThat(check.get("suggestedDetermination").isNull()).isTrue();
    assertThat(check.get("findings").get(0).get("explanation").asText())
        .contains("Missing: the number of acupuncture treatments already completed or authorized");
  }

  @Test
  void invalidInputIsAProblemNamingTheField() throws Exception {
    String body = "{\"description\": \"PT\", \"category\": \"PHYSICAL_THERAPY\", \"requestedVisits\": 201}";

    ResponseEntity<String> response = post("coordinator", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("field").asText())
        .isEqualTo("requestedVisits");
  }

  @Test
  void factsDecideAnImagingItemAndItsCitationIsTheLettersOne() throws Exception {
    String mri = "{\"description\": \"MRI of the lumbar spine\", \"category\": \"IMAGING\", \"bodyRegions\":"
        + " [\"LOW_BACK\"], \"asOf\": \"2017-02-01\"";

    JsonNode unknown = JSON.readTree(post("coordinator", mri + "}").getBody());
    JsonNode upheld = JSON.readTree(post("coordinator", mri + ", \"facts\": {\"redFlags\": [],"
        + " \"objectiveNeuroDeficit\": false, \"conservativeCareWeeks\": 6}}").getBody());
    JsonNode overturned = JSON.readTree(post("coordinator", mri + ", \"facts\": {\"redFlags\": [\"suspected"
        + " fracture\"], \"objectiveNeuroDeficit\": null}}").getBody());

    assertThat(unknown.get("verdict").asText()).isEqualTo("NEEDS_CLINICAL_JUDGEMENT");
    assertThat(unknown.get("missingFacts").get(0).asText()).isEqualTo("redFlags");
    assertThat(unknown.get("citation").asText())
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    assertThat(upheld.get("suggestedDetermination").asText()).isEqualTo("UPHELD");
    assertThat(upheld.get("missingFacts")).isEmpty();
    assertThat(overturned.get("suggestedDetermination").asText()).isEqualTo("OVERTURNED");
  }

  @Test
  void anAssociatedServiceFollowsItsUpheldSurgery() throws Exception {
    String body = "{\"description\": \"Associated surgical service: Pre-operative CBC\", \"category\": \"OTHER\","
        + " \"asOf\": \"2017-02-01\", \"facts\": {\"age\": 58}, \"linkedSurgery\": {\"description\":"
        + " \"Right knee arthroscopy\", \"determination\": \"%s\"}}";

    JsonNode upheld = JSON.readTree(post("coordinator", body.formatted("UPHELD")).getBody());
    JsonNode overturned = JSON.readTree(post("coordinator", body.formatted("OVERTURNED")).getBody());

    assertThat(upheld.get("suggestedDetermination").asText()).isEqualTo("UPHELD");
    assertThat(upheld.get("citation").asText())
        .isEqualTo("The Expert Reviewer did not cite any medical evidence for its decision.");
    assertThat(overturned.get("suggestedDetermination").asText()).isEqualTo("OVERTURNED");
    assertThat(overturned.get("citation").asText()).contains("Preoperative lab testing");
  }

  @Test
  void therapyFactsMayComeInFactsAndAfterNovember2017NothingIsCited() throws Exception {
    String body = "{\"description\": \"PT\", \"category\": \"PHYSICAL_THERAPY\", \"condition\":"
        + " \"MYALGIA_MYOSITIS\", \"requestedVisits\": 8, \"asOf\": \"%s\", \"facts\": {\"completedVisits\": 11}}";

    JsonNode in2016 = JSON.readTree(post("coordinator", body.formatted("2016-12-01")).getBody());
    JsonNode in2018 = JSON.readTree(post("coordinator", body.formatted("2018-03-01")).getBody());

    assertThat(in2016.get("verdict").asText()).isEqualTo("EXCEEDS_GUIDELINE");
    assertThat(in2016.get("findings").get(0).get("totalVisits").asInt()).isEqualTo(19);
    assertThat(in2018.get("verdict").asText()).isEqualTo("NEEDS_CLINICAL_JUDGEMENT");
    assertThat(in2018.get("citation").isNull()).isTrue();
    assertThat(in2018.get("findings").get(0).get("explanation").asText()).contains("ACOEM", "not encoded");
  }

  @Test
  void badFactsAreProblemsNamingEachField() throws Exception {
    String body = "{\"description\": \"Norco\", \"category\": \"MEDICATION\", \"facts\": {\"painReliefPercent\":"
        + " 101, \"conservativeCareWeeks\": -1, \"urineDrugTestRecent\": \"yes\", \"colour\": true,"
        + " \"redFlags\": \"none\"}}";

    ResponseEntity<String> response = post("coordinator", body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("facts.painReliefPercent", "facts.conservativeCareWeeks",
        "facts.urineDrugTestRecent", "facts.colour", "facts.redFlags");
  }

  @Test
  void theOpenApiDescriptionListsTheFacts() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("coordinator", "coordinator");
    ResponseEntity<String> docs = rest.exchange("/api/docs", org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(headers), String.class);

    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody()).contains("painReliefPercent", "objectiveNeuroDeficit", "linkedSurgery");
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.postForEntity("/api/guidelines/check", new HttpEntity<>(body, headers), String.class);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
