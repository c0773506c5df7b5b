package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Reads the application log of this run (target/imrflow-test.log, from this JVM's start; the file
 * grows across runs): no name, birth date, claim number or clinical text of the sample data may be
 * in it - case numbers only. It makes its own traffic first (every sample through the API, their
 * notices mailed), so it proves something on its own; it runs last so that the whole suite's log
 * is read too.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class LogPrivacyTest {

  @Autowired TestRestTemplate rest;
  @Autowired ManagementService management;

  static final Path LOG = Path.of("target/imrflow-test.log");
  static final List<String> SAMPLES = List.of("seed-pt-exceeds", "late-application", "mail-extension-on-time",
      "served-in-person-late", "unsigned-cnc", "chiro-trial-within", "chiro-knee-not-recommended",
      "acupuncture-no-improvement", "acupuncture-missing-facts", "postsurgical-meniscectomy", "expedited-two-items");
  /** Claim numbers as the samples and the tests write them (WC-0042-77, WC-T-1a2b3c4d). */
  static final Pattern CLAIM_NUMBER = Pattern.compile("\\bWC-[0-9A-Za-z]+-[0-9A-Za-z]+\\b");

  @Test
  void theApplicationLogCarriesNoProtectedHealthInformation() throws IOException {
    Api api = new Api(rest);
    for (String sample : SAMPLES) {
      JsonNode created = Api.json(api.post("coordinator", "/api/cases", TestCases.unique(sample).toString()));
      Jobs.runDue(management, created.get("processInstanceId").asText());
    }
    assertThat(LOG).exists();
    String whole = Files.readString(LOG);
    int start = whole.lastIndexOf("with PID " + ProcessHandle.current().pid());
    assertThat(start).as("this run's start in " + LOG).isNotNegative();
    String log = whole.substring(start);
    assertThat(log).as("the log shows this test's cases").contains("registered with", "mailed to");
    List<String> leaks = new ArrayList<>();
    for (String secret : secrets()) {
      if (log.contains(secret)) {
        leaks.add(secret);
      }
    }
    Matcher claims = CLAIM_NUMBER.matcher(log);
    while (claims.find()) {
      leaks.add(claims.group());
    }
    assertThat(leaks).as("PHI found in " + LOG).isEmpty();
  }

  /** Names, claim numbers, diagnoses and disputed treatments of every sample, and the tests' clinical text. */
  private static Set<String> secrets() throws IOException {
    Set<String> secrets = new LinkedHashSet<>(List.of("21 year old", "neck and low back pain", "lower back pain",
        "Within the guideline.", "treated this worker's brother"));
    ObjectMapper mapper = new ObjectMapper();
    for (String sample : SAMPLES) {
      try (InputStream in = LogPrivacyTest.class.getResourceAsStream("/cases/" + sample + ".json")) {
        JsonNode c = mapper.readTree(in);
        secrets.add(c.get("employee").get("name").asText());
        secrets.add(c.get("employee").get("claimNumber").asText());
        c.path("providers").forEach(p -> secrets.add(p.get("name").asText()));
        c.path("diagnoses").forEach(d -> secrets.add(d.asText()));
        c.get("disputedItems").forEach(i -> secrets.add(i.get("description").asText()));
      }
    }
    return secrets;
  }
}
