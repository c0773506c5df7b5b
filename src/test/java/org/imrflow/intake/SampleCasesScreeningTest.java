package org.imrflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Every sample application of shared/cases is screened as its README says, through the API. */
@IntegrationTest
class SampleCasesScreeningTest {

  @Autowired TestRestTemplate rest;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "seed-pt-exceeds            | true  | ",
      "late-application           | false | LATE_APPLICATION",
      "mail-extension-on-time     | true  | ",
      "served-in-person-late      | false | LATE_APPLICATION",
      "unsigned-cnc               | false | UNSIGNED CONDITIONALLY_NON_CERTIFIED",
      "chiro-trial-within         | true  | ",
      "chiro-knee-not-recommended | true  | ",
      "acupuncture-no-improvement | true  | ",
      "acupuncture-missing-facts  | true  | ",
      "postsurgical-meniscectomy  | true  | ",
      "expedited-two-items        | true  | "})
  void screenedAsTheReadmeSays(String sample, boolean eligible, String reasons) {
    JsonNode c = Api.json(new Api(rest).post("coordinator", "/api/cases", TestCases.unique(sample).toString()));
    assertThat(c.get("eligibility").get("eligible").asBoolean()).as(sample).isEqualTo(eligible);
    List<String> expected = reasons == null ? List.of() : List.of(reasons.split(" "));
    assertThat(c.get("eligibility").get("reasons").findValuesAsText("")).isEmpty();
    assertThat(c.get("eligibility").get("reasons")).extracting(JsonNode::asText).containsExactlyElementsOf(expected);
    assertThat(c.get("status").asText()).isEqualTo(eligible ? "AWAITING_RECORDS" : "INELIGIBLE");
    assertThat(c.get("expedited").asBoolean()).isEqualTo(sample.startsWith("expedited"));
  }

  @ParameterizedTest(name = "filed by {0}")
  @CsvSource(delimiter = '|', value = {
      "EMPLOYEE             | true",
      "REPRESENTATIVE       | true",
      "EMPLOYER             | false",
      "CLAIMS_ADMINISTRATOR | false",
      "INSURER              | false",
      "PROVIDER             | false",
      "OTHER                | false"})
  void onlyTheEmployeeOrTheirRepresentativeMayApply(String applicant, boolean eligible) {
    ObjectNode application = TestCases.unique("seed-pt-exceeds").put("applicant", applicant);
    application.putObject("representative").put("name", "A. Attorney, Esq.").put("email", "attorney@example.org");
    JsonNode c = Api.json(new Api(rest).post("coordinator", "/api/cases", application.toString()));
    assertThat(c.get("eligibility").get("eligible").asBoolean()).as(applicant).isEqualTo(eligible);
    assertThat(c.get("eligibility").get("reasons")).extracting(JsonNode::asText)
        .isEqualTo(eligible ? List.of() : List.of("NOT_FILED_BY_EMPLOYEE"));
  }

  @Test
  void aRepresentativesApplicationNamesTheRepresentative() {
    ResponseEntity<String> answer = new Api(rest).post("coordinator", "/api/cases",
        TestCases.unique("seed-pt-exceeds").put("applicant", "REPRESENTATIVE").toString());
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(Api.json(answer).get("errors").get(0).get("field").asText()).isEqualTo("representative");
  }
}
