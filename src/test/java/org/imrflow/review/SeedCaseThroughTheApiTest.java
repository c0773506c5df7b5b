package org.imrflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The seed's case (reference/000_e43977c140b40687.txt) from POST /api/cases to its letter through
 * API.md alone: /api for the case, /engine-rest for the tasks, as the coordinator and the reviewer.
 * Only the job executor is replaced (tests run the due jobs themselves).
 */
@IntegrationTest
class SeedCaseThroughTheApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
    EngineClock.setTo(LocalDate.of(2014, 8, 4));
  }

  @AfterEach
  void tearDown() {
    EngineClock.reset();
  }

  @Test
  void theSeedCaseEndsInAnUpheldLetterInTheRealLayout() throws Exception {
    JsonNode created = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    String n = created.get("caseNumber").asText();
    String pi = created.get("processInstanceId").asText();
    runJobs(pi);

    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    ResponseEntity<String> records = api.post("coordinator", "/api/cases/" + n + "/records", """
        {"receivedOn": "2014-08-12", "complete": true, "documents": [
          {"title": "Primary treating physician progress report (PR-2)", "date": "2014-07-07", "author": "Dr. Il"},
          {"title": "Physical therapy report", "date": "2014-07-17", "author": "Coastal Physical Therapy"}]}""");
    assertThat(records.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(Api.json(records).get("status").asText()).isEqualTo("REVIEWER_ASSIGNMENT");
    assertThat(Api.json(records).get("deadlines").get("determinationDue").asText()).isEqualTo("2014-09-11");

    String assign = taskId("coordinator", n, "assign-reviewer");
    ResponseEntity<String> refused = complete("coordinator", assign, "{\"reviewerId\": {\"value\": \"dr-rivera\"}}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("CONFLICT_CLAIMS_ADMINISTRATOR");
    assertThat(complete("coordinator", assign, "{\"reviewerId\": {\"value\": \"dr-okafor\"}}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(pi);

    assertThat(complete("dr-okafor", taskId("dr-okafor", n, "attest-no-conflict"),
        "{\"noConflict\": {\"value\": true}}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(pi);
    assertThat(complete("dr-okafor", taskId("dr-okafor", n, "write-case-summary"), """
        {"caseSummary": {"value": "The patient is a 21 year old male with an injury date of 12/11/13. The 07/07/14 report by Dr. Il states that the patient presents for follow up with lower back pain."}}""")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs(pi);

    String decide = taskId("dr-okafor", n, "decide-item");
    assertThat(Api.json(api.get("dr-okafor", "/engine-rest/task/" + decide + "/localVariables"))
        .get("itemIndex").get("value").asInt()).isZero();
    ResponseEntity<String> missing = complete("dr-okafor", decide, "{\"determination\": {\"value\": \"UPHELD\"}}");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody()).contains("imroGuideline is required").contains("rationale is required");
    assertThat(complete("dr-okafor", decide, """
        {"determination": {"value": "UPHELD"},
         "imroGuideline": {"value": "Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine; Excessive exercise Page(s): pages 98, 99."},
         "rationale": {"value": "MTUS guidelines pages 98, 99 state that for myalgia and myositis, 9-10 visits are recommended over 8 weeks. The 8 sessions requested combined with the 11 sessions already completed exceed what is recommended. Therefore recommendation is for denial."}}""")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    EngineClock.setTo(LocalDate.of(2014, 9, 2));
    runJobs(pi);

    JsonNode done = Api.json(api.get("coordinator", "/api/cases/" + n));
    assertThat(done.get("status").asText()).isEqualTo("LETTER_SENT");
    assertThat(done.get("sla").asText()).isEqualTo("MET");
    assertThat(done.get("reviewer").get("userId").asText()).isEqualTo("dr-okafor");
    assertThat(done.get("items").get(0).get("determination").asText()).isEqualTo("UPHELD");
    assertThat(done.get("items").get(0).get("guidelineCheck").get("verdict").asText()).isEqualTo("EXCEEDS_GUIDELINE");
    assertThat(done.get("letter").get("recipients")).hasSize(4);

    String letter = api.get("coordinator", "/api/cases/" + n + "/letter", MediaType.TEXT_PLAIN).getBody();
    assertThat(letter).startsWith("Case Number:          " + n)
        .contains("Date of Injury:      12/11/2013")
        .contains("UR Denial Date:      07/24/2014")
        .contains("Priority:             Standard")
        .contains("HOW THE IMR FINAL DETERMINATION WAS MADE")
        .contains("State(s) of Licensure: California,Nevada")
        .contains("Certification(s)/Specialty: Occupational Medicine, Preventive Medicine")
        .contains("CLINICAL CASE SUMMARY")
        .contains("IMR ISSUES, DECISIONS AND RATIONALES")
        .contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Upheld")
        .contains("Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines")
        .contains("MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical")
        .contains("Decision rationale: MTUS guidelines pages 98, 99")
        .contains("Primary treating physician progress report (PR-2), Dr. Il, 07/07/2014")
        .doesNotContain("Grace Okafor").doesNotContain("Okafor");
    assertThat(letter.lines()).allMatch(line -> line.length() <= 98);

    ResponseEntity<byte[]> pdf = api.bytes("coordinator", "/api/cases/" + n + "/letter", MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("HOW THE IMR FINAL DETERMINATION WAS MADE").contains("CLINICAL CASE SUMMARY")
          .contains("IMR ISSUES, DECISIONS AND RATIONALES")
          .contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back: Upheld")
          .doesNotContain("Okafor");
    }

    JsonNode correspondence = Api.json(api.get("coordinator", "/api/cases/" + n + "/correspondence"));
    assertThat(correspondence.findValuesAsText("type")).containsExactly("NOARFI", "FINAL_DETERMINATION");
    correspondence.forEach(letterSent -> assertThat(letterSent.get("recipients")).hasSize(4));

    ResponseEntity<String> late = api.post("coordinator", "/api/cases/" + n + "/terminate",
        "{\"reason\": \"WITHDRAWN\", \"on\": \"2014-09-02\"}");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(api.post("coordinator", "/api/cases/" + n + "/expedite", "{\"certifiedOn\": \"2014-09-02\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    JsonNode audit = Api.json(api.get("manager", "/api/cases/" + n + "/audit"));
    assertThat(audit.findValuesAsText("action")).containsSubsequence("STARTED", "SCREENED", "RECORDS_RECEIVED",
        "ASSIGNED", "ATTESTED", "SUMMARY_WRITTEN", "DECIDED", "LETTER_SENT");
    for (JsonNode entry : audit) {
      String action = entry.get("action").asText();
      if (action.equals("STARTED") || action.equals("ASSIGNED")) {
        assertThat(entry.get("user").asText()).isEqualTo("coordinator");
      }
      if (action.equals("ATTESTED") || action.equals("DECIDED")) {
        assertThat(entry.get("user").asText()).isEqualTo("dr-okafor");
      }
    }
    assertThat(audit.toString()).doesNotContain("Pt 2x4").doesNotContain("21 year old");
    assertThat(api.get("dr-okafor", "/api/cases/" + n + "/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(api.get("dr-chen", "/api/cases/" + n).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get("dr-okafor", "/api/cases/" + n).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private String taskId(String user, String caseNumber, String key) {
    JsonNode tasks = Api.json(api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + key));
    assertThat(tasks).as(key + " for " + user).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private ResponseEntity<String> complete(String user, String taskId, String variables) {
    return api.post(user, "/engine-rest/task/" + taskId + "/complete", "{\"variables\": " + variables + "}");
  }

  private void runJobs(String processInstanceId) {
    Jobs.runDue(management, processInstanceId);
  }
}
