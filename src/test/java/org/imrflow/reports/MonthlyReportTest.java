package org.imrflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.reviewers.ReviewerCandidates;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.imrflow.security.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The state's monthly figures (API.md §5) for applications received in March 2019, a month that
 * only this test uses: cases driven through the engine to letters, screened ineligible, or still
 * waiting, plus cases received on either side of the month that must not count.
 */
@IntegrationTest
class MonthlyReportTest {

  @Autowired TestRestTemplate rest;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired ReviewerCandidates candidates;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void figuresOfTheApplicationsReceivedInAMonth() throws Exception {
    // A: one item upheld; notice 03-04, complete records 03-12, letter 03-20 (16 and 8 days)
    ObjectNode first = TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), LocalDate.of(2019, 3, 4));
    ImrCase a = apply(first, LocalDate.of(2019, 3, 4));
    completeRecords(a, LocalDate.of(2019, 3, 12));
    decide(a, LocalDate.of(2019, 3, 20), "UPHELD");

    // B: two items, one upheld and one overturned; notice 03-10, records 03-15, letter 03-25 (15 and 10 days)
    ObjectNode twoItems = TestCases.receivedOn(TestCases.unique("expedited-two-items"), LocalDate.of(2019, 3, 10));
    twoItems.put("expedited", false).set("expeditedReason", NullNode.getInstance());
    ImrCase b = apply(twoItems, LocalDate.of(2019, 3, 10));
    completeRecords(b, LocalDate.of(2019, 3, 15));
    decide(b, LocalDate.of(2019, 3, 25), "UPHELD", "OVERTURNED");
    // Its overturn waits for a quality review, which returns item 2 once before approving it.
    returnThenApprove(b, 1);

    // C: A's application again once A was decided: a duplicate, screened out (the open-case 409 never applied)
    ImrCase c = apply(first, LocalDate.of(2019, 3, 26));
    // D: unsigned and conditionally non-certified, received on the month's last day
    ImrCase d = apply(TestCases.receivedOn(TestCases.unique("unsigned-cnc"), LocalDate.of(2019, 3, 31)),
        LocalDate.of(2019, 3, 31));
    // E: eligible, received on the month's first day, still waiting for records
    ImrCase e = apply(TestCases.receivedOn(TestCases.unique("chiro-trial-within"), LocalDate.of(2019, 3, 1)),
        LocalDate.of(2019, 4, 2));
    // outside the month on either side
    apply(TestCases.receivedOn(TestCases.unique("chiro-trial-within"), LocalDate.of(2019, 2, 28)), LocalDate.of(2019, 4, 2));
    apply(TestCases.receivedOn(TestCases.unique("chiro-knee-not-recommended"), LocalDate.of(2019, 4, 1)),
        LocalDate.of(2019, 4, 2));

    assertThat(cases.get(a.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.LETTER_SENT);
    assertThat(cases.get(b.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.LETTER_SENT);
    assertThat(cases.get(c.getCaseNumber()).eligibilityReasonList()).containsExactly("DUPLICATE");
    assertThat(cases.get(d.getCaseNumber()).eligibilityReasonList())
        .containsExactlyInAnyOrder("UNSIGNED", "CONDITIONALLY_NON_CERTIFIED");
    assertThat(cases.get(e.getCaseNumber()).getStatus()).isEqualTo(CaseStatus.AWAITING_RECORDS);

    JsonNode report = monthly("manager", "2019-03");
    assertThat(report.get("month").asText()).isEqualTo("2019-03");
    JsonNode applications = report.get("applications");
    assertThat(applications.get("total").asLong()).isEqualTo(5);
    assertThat(applications.get("unique").asLong()).isEqualTo(4);
    assertThat(applications.get("eligible").asLong()).isEqualTo(3);
    Map<String, Long> ineligible = new LinkedHashMap<>();
    applications.get("ineligible").fields().forEachRemaining(f -> ineligible.put(f.getKey(), f.getValue().asLong()));
    assertThat(ineligible).containsExactly(Map.entry("UNSIGNED", 1L), Map.entry("LATE_APPLICATION", 0L),
        Map.entry("NO_UR_REPORT", 0L), Map.entry("CONDITIONALLY_NON_CERTIFIED", 1L), Map.entry("DUPLICATE", 1L),
        Map.entry("NOT_FILED_BY_EMPLOYEE", 0L));
    assertThat(report.get("determinations").asLong()).isEqualTo(2);
    assertThat(report.get("itemsUpheld").asLong()).isEqualTo(2);
    assertThat(report.get("itemsOverturned").asLong()).isEqualTo(1);
    assertThat(report.get("overturnRate").asDouble()).isEqualTo(0.3333);
    assertThat(report.get("averageDaysFromAssignment").asDouble()).isEqualTo(15.5);
    assertThat(report.get("averageDaysFromCompleteRecords").asDouble()).isEqualTo(9.0);
    assertThat(report.get("qualityReviewReturns").asLong()).isEqualTo(1);

    // Items by category: every disputed item of the month's applications (A, B, the duplicate C, D, E), and the
    // overturn rate of those decided in the month's determinations.
    JsonNode itemsByCategory = report.get("itemsByCategory");
    assertThat(itemsByCategory.size()).isEqualTo(DisputedItem.Category.values().length);
    assertThat(figures(itemsByCategory.get("PHYSICAL_THERAPY"))).isEqualTo("4/2/0/0.0");
    assertThat(figures(itemsByCategory.get("IMAGING"))).isEqualTo("1/0/1/1.0");
    assertThat(figures(itemsByCategory.get("CHIROPRACTIC"))).isEqualTo("1/0/0/0.0");
    assertThat(figures(itemsByCategory.get("SURGERY"))).isEqualTo("0/0/0/0.0");

    // The reviewers who decided them: their profession, specialties and licensure, from their profiles.
    Set<String> deciders = new TreeSet<>(List.of(cases.get(a.getCaseNumber()).getReviewerId(),
        cases.get(b.getCaseNumber()).getReviewerId()));
    JsonNode reviewers = report.get("reviewers");
    assertThat(reviewers.get("count").asLong()).isEqualTo(deciders.size());
    Map<String, Long> professions = new TreeMap<>();
    Map<String, Long> specialties = new TreeMap<>();
    Map<String, Long> states = new TreeMap<>();
    long california = 0;
    for (String id : deciders) {
      ReviewerProfile p = panel.find(id).orElseThrow();
      // In the whole suite another test's reviewer, registered without a profession, may be the one picked.
      professions.merge(p.profession() == null ? "NOT_STATED" : p.profession().name(), 1L, Long::sum);
      p.boardCertifications().forEach(name -> specialties.merge(name, 1L, Long::sum));
      p.licenses().stream().map(l -> l.state()).distinct().forEach(st -> states.merge(st, 1L, Long::sum));
      california += p.licenses().stream().anyMatch(l -> l.state().equals("CA")) ? 1 : 0;
    }
    assertThat(counts(reviewers.get("byProfession"))).isEqualTo(professions);
    assertThat(counts(reviewers.get("bySpecialty"))).isEqualTo(specialties).isNotEmpty();
    assertThat(counts(reviewers.get("byLicenseState"))).isEqualTo(states).isNotEmpty();
    assertThat(reviewers.get("californiaLicensed").asLong()).isEqualTo(california);

    // the administrator sees the same figures
    assertThat(monthly("demo", "2019-03")).isEqualTo(report);

    // The same cases month by month for the board's charts: letters count in the month they went out.
    JsonNode trend = trend("manager", "to=2019-04&months=2");
    assertThat(trend.get("from").asText()).isEqualTo("2019-03");
    assertThat(trend.get("months").findValuesAsText("month")).containsExactly("2019-03", "2019-04");
    JsonNode march = trend.get("months").get(0);
    assertThat(march.get("applications").asLong()).isEqualTo(5);
    assertThat(march.get("determinations").asLong()).isEqualTo(2);
    assertThat(march.get("determinationsInTime").asLong()).isEqualTo(2);
    assertThat(march.get("shareInTime").asDouble()).isEqualTo(1.0);
    JsonNode april = trend.get("months").get(1);
    assertThat(april.get("applications").asLong()).isEqualTo(1);
    assertThat(april.get("determinations").asLong()).isZero();
    assertThat(april.get("shareInTime").isNull()).isTrue();
    Map<String, String> byCategory = new LinkedHashMap<>();
    trend.get("overturnByCategory").forEach(row -> byCategory.put(row.get("category").asText(),
        row.get("upheld").asLong() + "/" + row.get("overturned").asLong() + "/" + row.get("overturnRate").asDouble()));
    assertThat(byCategory).containsExactly(Map.entry("IMAGING", "0/1/1.0"), Map.entry("PHYSICAL_THERAPY", "2/0/0.0"));
    assertThat(trend.get("daysPerStage").findValuesAsText("stage"))
        .containsExactly("SCREENING", "RECORDS", "ASSIGNMENT", "REVIEW", "LETTER");
    assertThat(trend.get("daysPerStage").get(0).get("averageDays").asDouble()).isZero();
    assertThat(trend.get("daysPerStage").get(1).get("averageDays").asDouble()).isEqualTo(6.5);
    assertThat(trend.get("daysPerStage").get(1).get("cases").asLong()).isEqualTo(2);
  }

  @Test
  void theTrendRefusesWhatItCannotDraw() throws Exception {
    for (String query : List.of("months=0", "months=37", "months=x", "to=2019-13", "to=March")) {
      ResponseEntity<String> response = rest.withBasicAuth("manager", "manager")
          .getForEntity("/api/reports/trend?" + query, String.class);
      assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).as(query)
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
    assertThat(rest.withBasicAuth("coordinator", "coordinator").getForEntity("/api/reports/trend", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode year = trend("manager", "");
    assertThat(year.get("months")).hasSize(12);
  }

  @Test
  void aMonthWithoutApplicationsHasZeroesAndNoAverages() throws Exception {
    JsonNode report = monthly("manager", "1999-01");
    assertThat(report.get("month").asText()).isEqualTo("1999-01");
    assertThat(report.get("applications").get("total").asLong()).isZero();
    assertThat(report.get("applications").get("unique").asLong()).isZero();
    assertThat(report.get("applications").get("eligible").asLong()).isZero();
    assertThat(report.get("applications").get("ineligible").get("DUPLICATE").asLong()).isZero();
    assertThat(report.get("determinations").asLong()).isZero();
    assertThat(report.get("itemsUpheld").asLong()).isZero();
    assertThat(report.get("itemsOverturned").asLong()).isZero();
    assertThat(report.get("overturnRate").asDouble()).isZero();
    assertThat(report.get("averageDaysFromAssignment").isNull()).isTrue();
    assertThat(report.get("averageDaysFromCompleteRecords").isNull()).isTrue();
    assertThat(report.get("qualityReviewReturns").asLong()).isZero();
    report.get("itemsByCategory").forEach(category -> assertThat(figures(category)).isEqualTo("0/0/0/0.0"));
    assertThat(report.get("reviewers").get("count").asLong()).isZero();
    assertThat(report.get("reviewers").get("bySpecialty")).isEmpty();
  }

  @Test
  void onlyManagersAndAdministratorsReadTheFigures() throws Exception {
    String adminOnly = "report-admin-" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(adminOnly);
    user.setPassword(adminOnly);
    identity.saveUser(user);
    identity.createMembership(adminOnly, Groups.ADMIN);

    assertThat(get(adminOnly, "2019-03").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("manager", "2019-03").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String other : List.of("coordinator", "dr-okafor")) {
      ResponseEntity<String> refused = get(other, "2019-03");
      assertThat(refused.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(rest.getForEntity("/api/reports/monthly?month=2019-03", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aBadMonthIsAProblem() throws Exception {
    for (String month : List.of("2019-13", "2019-3", "2019-03-01", "March", "201903", "")) {
      ResponseEntity<String> response = get("manager", month);
      assertThat(response.getStatusCode()).as(month).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType()).as(month).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      JsonNode problem = json.readTree(response.getBody());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("month");
    }
    ResponseEntity<String> missing = rest.withBasicAuth("manager", "manager").getForEntity("/api/reports/monthly", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  // ---- helpers ----

  @Autowired ReviewerPanelService panel;

  private static String figures(JsonNode category) {
    return category.get("items").asLong() + "/" + category.get("upheld").asLong() + "/"
        + category.get("overturned").asLong() + "/" + category.get("overturnRate").asDouble();
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new TreeMap<>();
    object.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
    return counts;
  }

  private ResponseEntity<String> get(String user, String month) {
    return rest.withBasicAuth(user, user).getForEntity("/api/reports/monthly?month={month}", String.class, month);
  }

  private JsonNode trend(String user, String query) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth(user, user).getForEntity("/api/reports/trend?" + query,
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private JsonNode monthly(String user, String month) throws Exception {
    ResponseEntity<String> response = get(user, month);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  /** Keyed in on {@code enteredOn}: screening runs then, and the notice of assignment goes out. */
  private ImrCase apply(ObjectNode application, LocalDate enteredOn) {
    EngineClock.setTo(enteredOn);
    ImrCase c = intake.apply(TestCases.application(application));
    Jobs.runDue(management, c.getProcessInstanceId());
    return c;
  }

  private void completeRecords(ImrCase c, LocalDate on) {
    EngineClock.setTo(on);
    records.receive(c.getCaseNumber(), new RecordsReceipt(on, true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", on.minusDays(5), "Dr. Il"))));
    Jobs.runDue(management, c.getProcessInstanceId());
  }

  /** The first eligible reviewer decides the items in order, and the letter goes out on {@code letterOn}. */
  private void decide(ImrCase c, LocalDate letterOn, String... determinations) {
    EngineClock.setTo(letterOn);
    String pi = c.getProcessInstanceId();
    String reviewer = candidates.forCase(cases.get(c.getCaseNumber())).get(0).userId();
    tasks.complete(task(pi, Element.ASSIGN_REVIEWER).getId(), Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
    Jobs.runDue(management, pi);
    tasks.complete(task(pi, Element.ATTEST_NO_CONFLICT).getId(), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    Jobs.runDue(management, pi);
    tasks.complete(task(pi, Element.WRITE_CASE_SUMMARY).getId(), Map.of(CaseProcess.CASE_SUMMARY.name(),
        "The patient is an adult with neck and low back pain."));
    Jobs.runDue(management, pi);
    List<Task> items = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Element.DECIDE_ITEM.id).list();
    assertThat(items).hasSize(determinations.length);
    for (Task item : items) {
      int index = ((Number) tasks.getVariableLocal(item.getId(), CaseProcess.ITEM_INDEX.name())).intValue();
      tasks.complete(item.getId(), Map.of(CaseProcess.DETERMINATION.name(), determinations[index],
          CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines", CaseProcess.RATIONALE.name(), "Per the guideline."));
    }
    Jobs.runDue(management, pi);
    // An upheld case goes to quality review only when its reviewer is new (the least busy reviewer may be
    // one that another test registered): approved at once, it returns nothing.
    if (Arrays.stream(determinations).allMatch("UPHELD"::equals) && task(pi, Element.QUALITY_REVIEW) != null) {
      tasks.complete(task(pi, Element.QUALITY_REVIEW).getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
      Jobs.runDue(management, pi);
    }
  }

  private void returnThenApprove(ImrCase c, int item) {
    String pi = c.getProcessInstanceId();
    tasks.complete(task(pi, Element.QUALITY_REVIEW).getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "RETURNED",
        CaseProcess.QA_COMMENTS.name(), "Name the guideline's section.", CaseProcess.QA_RETURNED_ITEMS.name(), "[" + item + "]"));
    Jobs.runDue(management, pi);
    tasks.complete(task(pi, Element.DECIDE_ITEM).getId(), Map.of(CaseProcess.DETERMINATION.name(), "OVERTURNED",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine", CaseProcess.RATIONALE.name(), "Per the guideline."));
    Jobs.runDue(management, pi);
    tasks.complete(task(pi, Element.QUALITY_REVIEW).getId(), Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    Jobs.runDue(management, pi);
  }

  private Task task(String processInstanceId, Element element) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(element.id).singleResult();
  }
}
