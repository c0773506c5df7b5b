package org.imrflow.letters;

import org.imrflow.process.CaseProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Whole letters: three real determinations of {@code ../shared/reference/letters/} re-entered
 * through /api and /engine-rest (the facts of {@code letters.json}, the reviewers' own summary,
 * guidelines and rationales), and the rendered letter compared with the real one paragraph by
 * paragraph, for the sections the public copy has (header to the last rationale). The header is
 * compared line by line; the body's paragraphs with their line breaks joined, because the public
 * copies were wrapped by a proportional font. Every difference left is listed below with its reason.
 */
@IntegrationTest
class RealLettersTest {

  /** The three letters and their facts, copied from ../shared/reference so that the build needs nothing beside it. */
  private static final Path REFERENCE = Path.of("src", "test", "resources", "reference");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A difference we keep: the real paragraph, ours, and why. */
  private record Known(String real, String ours, String reason) {
  }

  private static final Known ITEMS_SERVICE = new Known(
      "evaluate and/or treat the medical condition and disputed items/Service.",
      "evaluate and/or treat the medical condition and disputed items/services.",
      "The 2016-17 letters' boilerplate reads 'items/Service'; IMRflow keeps the 2014 letter's 'items/services'.");

  private static final Map<String, List<Known>> KNOWN = Map.of(
      "CM16-0213037", List.of(ITEMS_SERVICE),
      "CM17-0008177", List.of(ITEMS_SERVICE),
      "CM17-0015348", List.of(ITEMS_SERVICE));

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  private Api api;

  @BeforeEach
  void setUp() {
    api = new Api(rest);
  }

  @AfterEach
  void tearDown() {
    EngineClock.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CM16-0213037", "CM17-0008177", "CM17-0015348"})
  void aRealLetterReenteredThroughTheApiReadsTheSame(String realCase) throws Exception {
    JsonNode facts = facts(realCase);
    String real = Files.readString(REFERENCE.resolve("letters").resolve(realCase + ".txt"));
    RealLetter parsed = RealLetter.parse(real, facts);

    String ours = reenter(facts, parsed);

    List<String> realParagraphs = paragraphs(real);
    List<String> ourParagraphs = paragraphs(ours.substring(0, ours.indexOf("DOCUMENTS REVIEWED")).stripTrailing()
        .replace(caseNumberOf(ours), realCase));
    List<String> unexplained = new ArrayList<>();
    List<Known> seen = new ArrayList<>();
    assertThat(ourParagraphs).as("paragraphs of " + realCase + "\nours: " + ourParagraphs + "\nreal: " + realParagraphs)
        .hasSameSizeAs(realParagraphs);
    for (int i = 0; i < realParagraphs.size(); i++) {
      String r = realParagraphs.get(i);
      String o = ourParagraphs.get(i);
      if (r.equals(o)) {
        continue;
      }
      Known known = KNOWN.get(realCase).stream().filter(k -> r.contains(k.real()) && o.contains(k.ours())
          && r.replace(k.real(), k.ours()).equals(o)).findFirst().orElse(null);
      if (known == null) {
        unexplained.add("paragraph " + i + "\n  real: " + r + "\n  ours: " + o);
      } else {
        seen.add(known);
      }
    }
    assertThat(unexplained).as("differences from the real letter " + realCase + " with no reason listed").isEmpty();
    assertThat(seen).as("listed differences that no longer occur: remove them")
        .containsExactlyInAnyOrderElementsOf(KNOWN.get(realCase));
  }

  // ---- re-entering the case ----

  /** Intake, records, assignment, attestation, summary, decisions and quality review, as people do it. */
  private String reenter(JsonNode facts, RealLetter letter) throws Exception {
    LocalDate assigned = LocalDate.parse(facts.get("dateAssigned").asText());
    LocalDate decided = LocalDate.parse(facts.get("decisionDate").asText());
    String reviewer = reviewer(facts);

    EngineClock.setTo(assigned);
    ResponseEntity<String> created = api.post("coordinator", "/api/cases", application(facts).toString());
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    String n = Api.json(created).get("caseNumber").asText();
    String pi = Api.json(created).get("processInstanceId").asText();
    Jobs.runDue(management, pi);
    assertThat(api.post("coordinator", "/api/cases/" + n + "/records", """
        {"receivedOn": "%s", "complete": true}""".formatted(assigned)).getStatusCode()).isEqualTo(HttpStatus.OK);
    Jobs.runDue(management, pi);

    complete("coordinator", n, "assign-reviewer", Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
    Jobs.runDue(management, pi);
    complete(reviewer, n, "attest-no-conflict", Map.of(CaseProcess.NO_CONFLICT.name(), true));
    Jobs.runDue(management, pi);
    complete(reviewer, n, "write-case-summary", Map.of(CaseProcess.CASE_SUMMARY.name(), letter.summary()));
    Jobs.runDue(management, pi);

    EngineClock.setTo(decided);
    JsonNode tasks = Api.json(api.get(reviewer, "/engine-rest/task?processInstanceBusinessKey=" + n
        + "&taskDefinitionKey=decide-item"));
    for (JsonNode task : tasks) {
      int index = Api.json(api.get(reviewer, "/engine-rest/task/" + task.get("id").asText() + "/localVariables"))
          .get("itemIndex").get("value").asInt();
      RealLetter.Item item = letter.items().get(index);
      completeTask(reviewer, task.get("id").asText(), Map.of(CaseProcess.DETERMINATION.name(), item.determination(),
          CaseProcess.IMRO_GUIDELINE.name(), item.imroGuideline(), CaseProcess.RATIONALE.name(), item.rationale()));
    }
    Jobs.runDue(management, pi);
    // A reviewer new to the panel: every one of these cases is checked before its letter.
    complete("qa", n, "quality-review", Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    Jobs.runDue(management, pi);

    ResponseEntity<String> letterText = api.get("coordinator", "/api/cases/" + n + "/letter", MediaType.TEXT_PLAIN);
    assertThat(letterText.getStatusCode()).isEqualTo(HttpStatus.OK);
    return letterText.getBody();
  }

  /** The application as the employee filed it; the public copies leave out the parties, who are invented here. */
  private static ObjectNode application(JsonNode facts) {
    ObjectNode a = JSON.createObjectNode();
    a.put("applicationReceivedOn", facts.get("applicationReceived").asText());
    a.put("signedByEmployee", true);
    a.put(CaseProcess.EXPEDITED.name(), "Expedited".equals(facts.get("priority").asText()));
    ObjectNode employee = a.putObject("employee");
    employee.put("name", "R. Worker").put("age", facts.get("age").asInt()).put("sex", facts.get("sex").asText())
        .put("dateOfInjury", facts.get("dateOfInjury").asText())
        .put("claimNumber", "WC-REAL-" + UUID.randomUUID().toString().substring(0, 8))
        .put("email", "worker@example.org");
    a.putObject("employer").put("id", "FEIN-REAL-1").put("name", "Valley Distribution Co.").put("email", "hr@example.org");
    a.putObject("claimsAdministrator").put("id", "CA-REAL-1").put("name", "Pacific Claims Services")
        .put("email", "claims@example.org");
    ObjectNode ur = a.putObject("utilizationReview");
    ur.putObject("organization").put("id", "UR-REAL-1").put("name", "Sierra UR Services");
    LocalDate urDate = LocalDate.parse(facts.get("urDenialDate").asText());
    ur.put("decisionDate", urDate.toString()).put("servedOn", urDate.toString()).put("servedByMail", true)
        .put("reportAttached", true).put("conditionallyNonCertified", false);
    a.putArray("providers").addObject().put("id", "NPI-REAL-1").put("name", "Dr. Treating")
        .put("role", "REQUESTING").put("email", "treating@example.org");
    ArrayNode items = a.putArray("disputedItems");
    for (JsonNode item : facts.get("items")) {
      ObjectNode i = items.addObject();
      i.put("description", item.get("description").asText());
      i.put("category", item.get("category").asText());
      i.set("bodyRegions", item.get("bodyRegions"));
      i.put("claimsAdministratorGuideline", item.get("claimsAdministratorGuideline").asText());
      for (String field : List.of("requestedVisits", "completedVisits", "functionalImprovementDocumented", "condition")) {
        if (item.hasNonNull(field)) {
          i.set(field, item.get(field));
        }
      }
    }
    return a;
  }

  /** A reviewer with the real one's credentials, new to the panel; their name appears in no letter. */
  private String reviewer(JsonNode facts) {
    String id = "real-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setFirstName("Rea");
    user.setLastName("Reviewer");
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, "reviewers");
    ObjectNode profile = JSON.createObjectNode();
    profile.put("userId", id).put("name", "Rea Reviewer, MD");
    ArrayNode certifications = profile.putArray("boardCertifications");
    facts.get("specialties").forEach(s -> certifications.add(s.asText()));
    profile.putArray("subspecialties");
    ArrayNode licenses = profile.putArray("licenses");
    int number = 1000;
    for (JsonNode state : facts.get("licensure")) {
      licenses.addObject().put("state", UsStates.code(state.asText())).put("number", "L" + number++)
          .put("expires", "2030-12-31");
    }
    profile.put("yearsInPractice", 12).put("activePracticeHoursPerWeek", 30).put("active", true);
    profile.putArray("affiliations");
    ResponseEntity<String> registered = api.post("coordinator", "/api/reviewers", profile.toString());
    assertThat(registered.getStatusCode().is2xxSuccessful()).as(registered.getBody()).isTrue();
    return id;
  }

  private void complete(String user, String caseNumber, String taskKey, Map<String, Object> variables) throws IOException {
    JsonNode tasks = Api.json(api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + taskKey));
    assertThat(tasks).as(taskKey + " of " + caseNumber + " for " + user).hasSize(1);
    completeTask(user, tasks.get(0).get("id").asText(), variables);
  }

  private void completeTask(String user, String taskId, Map<String, Object> variables) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    variables.forEach((k, v) -> body.put(k, Map.of("value", v)));
    ResponseEntity<String> done = api.post(user, "/engine-rest/task/" + taskId + "/complete",
        JSON.writeValueAsString(Map.of("variables", body)));
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static JsonNode facts(String caseNumber) throws IOException {
    for (JsonNode letter : JSON.readTree(REFERENCE.resolve("letters.json").toFile())) {
      if (caseNumber.equals(letter.get("caseNumber").asText())) {
        return letter;
      }
    }
    throw new AssertionError("no facts for " + caseNumber);
  }

  private static String caseNumberOf(String letter) {
    return letter.lines().findFirst().orElseThrow().replace("Case Number:", "").trim();
  }

  // ---- comparing ----

  /** Lines that open a paragraph of their own, whatever blank lines the copy has around them. */
  private static final Pattern OWN_LINE = Pattern.compile(
      "^( {5,}[A-Z ,]+|The Expert Reviewer has the following credentials:|State\\(s\\) of Licensure:.*"
          + "|Certification\\(s\\)/Specialty:.*|The Final Determination was based on.*|.*: (Upheld|Overturned)"
          + "|Claims Administrator guideline:.*|\\w+ guideline:.*|Decision rationale:.*)$");

  /**
   * The header's five lines as they are; after it, paragraphs with their lines joined by one space.
   * Headings, credentials and item lines are paragraphs of their own.
   */
  static List<String> paragraphs(String letter) {
    // The public copies keep the PDF's page breaks (form feeds) at the start of a line.
    List<String> lines = letter.replace("\r", "").replace("\f", "").lines().map(String::stripTrailing).toList();
    List<String> out = new ArrayList<>(lines.subList(0, 5));
    StringBuilder current = new StringBuilder();
    for (String line : lines.subList(5, lines.size())) {
      boolean own = OWN_LINE.matcher(line).matches();
      if (line.isBlank() || own) {
        flush(current, out);
      }
      if (own && (line.startsWith("     ") || line.endsWith(": Upheld") || line.endsWith(": Overturned")
          || line.startsWith("State(s)") || line.startsWith("Certification(s)") || line.startsWith("The Expert Reviewer has"))) {
        out.add(line.strip());
        continue;
      }
      if (!line.isBlank()) {
        current.append(current.length() == 0 ? "" : " ").append(line.strip());
      }
    }
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() > 0) {
      out.add(current.toString().replaceAll("\\s+", " "));
      current.setLength(0);
    }
  }
}
