package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.reviewers.Candidate;
import org.imrflow.reviewers.ReviewerCandidates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The SLA board through HTTP as managers see it (API.md §5): cases brought into each state by the
 * engine clock, most urgent first. Other tests' cases share the table, so the test finds its own
 * cases by number and checks the order of the whole board, not its size.
 */
@IntegrationTest
class SlaBoardTest {

  /** The day the board is looked at: a Thursday no other test lives in. */
  private static final LocalDate TODAY = LocalDate.of(2019, 6, 20);

  @Autowired TestRestTemplate rest;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired CaseEvents events;
  @Autowired ReviewerCandidates candidates;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  private final ObjectMapper json = new ObjectMapper();
  private final List<ImrCase> mine = new ArrayList<>();

  @AfterEach
  void closeMyCases() {
    // Leave no open case behind to weigh on reviewers' loads or other boards.
    EngineClock.setTo(TODAY);
    for (ImrCase c : mine) {
      if (cases.get(c.getCaseNumber()).isOpen()) {
        events.terminate(c.getCaseNumber(), new CaseEvents.Terminate("WITHDRAWN", TODAY));
        Jobs.runDue(management, c.getProcessInstanceId());
      }
    }
    EngineClock.reset();
  }

  @Test
  void managersSeeBreachedThenAtRiskThenOnTrackEachByDeadline() throws Exception {
    // records never came: due 15 days after the notice of 2019-05-20, i.e. 2019-06-04
    ImrCase recordsLate = apply(LocalDate.of(2019, 5, 20));
    // determinations due 30 days after complete records
    ImrCase decisionLate = withCompleteRecords(LocalDate.of(2019, 5, 10), LocalDate.of(2019, 5, 15)); // 06-14
    ImrCase fourDaysLeft = withCompleteRecords(LocalDate.of(2019, 5, 20), LocalDate.of(2019, 5, 25)); // 06-24
    ImrCase fiveDaysLeft = withCompleteRecords(LocalDate.of(2019, 5, 20), LocalDate.of(2019, 5, 26)); // 06-25
    ImrCase sixDaysLeft = withCompleteRecords(LocalDate.of(2019, 5, 20), LocalDate.of(2019, 5, 27)); // 06-26
    // records due 15 days after the notice of 2019-06-18, i.e. 2019-07-03
    ImrCase fresh = apply(LocalDate.of(2019, 6, 18));
    String reviewer = assignReviewer(decisionLate);

    EngineClock.setTo(TODAY);
    List<JsonNode> board = wholeBoard("manager");

    Map<String, Integer> position = new HashMap<>();
    Map<String, JsonNode> row = new HashMap<>();
    for (int i = 0; i < board.size(); i++) {
      position.put(board.get(i).get("caseNumber").asText(), i);
      row.put(board.get(i).get("caseNumber").asText(), board.get(i));
    }
    assertThat(mine).allSatisfy(c -> assertThat(position).containsKey(c.getCaseNumber()));
    assertThat(List.of(recordsLate, decisionLate, fourDaysLeft, fiveDaysLeft, sixDaysLeft, fresh))
        .extracting(c -> position.get(c.getCaseNumber()))
        .isSorted();

    expect(row.get(recordsLate.getCaseNumber()), "BREACHED", "2019-06-04", -16, "AWAITING_RECORDS", recordsLate);
    expect(row.get(decisionLate.getCaseNumber()), "BREACHED", "2019-06-14", -6, "IN_REVIEW", decisionLate);
    expect(row.get(fourDaysLeft.getCaseNumber()), "AT_RISK", "2019-06-24", 4, "REVIEWER_ASSIGNMENT", fourDaysLeft);
    expect(row.get(fiveDaysLeft.getCaseNumber()), "AT_RISK", "2019-06-25", 5, "REVIEWER_ASSIGNMENT", fiveDaysLeft);
    expect(row.get(sixDaysLeft.getCaseNumber()), "ON_TRACK", "2019-06-26", 6, "REVIEWER_ASSIGNMENT", sixDaysLeft);
    expect(row.get(fresh.getCaseNumber()), "ON_TRACK", "2019-07-03", 13, "AWAITING_RECORDS", fresh);
    assertThat(row.get(decisionLate.getCaseNumber()).get("reviewer").asText()).isEqualTo(reviewer);
    assertThat(row.get(fresh.getCaseNumber()).get("reviewer").isNull()).isTrue();
    assertThat(row.get(decisionLate.getCaseNumber()).get("reviewers")).extracting(JsonNode::asText).containsExactly(reviewer);
    assertThat(row.get(fresh.getCaseNumber()).get("reviewers")).isEmpty();
    assertThat(row.get(fresh.getCaseNumber()).get("expedited").asBoolean()).isFalse();

    // and the whole board, other tests' cases included, is in that order
    List<String> order = List.of("BREACHED", "AT_RISK", "ON_TRACK");
    for (int i = 1; i < board.size(); i++) {
      JsonNode before = board.get(i - 1);
      JsonNode after = board.get(i);
      int rankBefore = order.indexOf(before.get("sla").asText());
      int rankAfter = order.indexOf(after.get("sla").asText());
      assertThat(rankAfter).as("state of row %d after row %d", i, i - 1).isGreaterThanOrEqualTo(rankBefore);
      if (rankAfter == rankBefore && !before.get("deadline").isNull() && !after.get("deadline").isNull()) {
        assertThat(after.get("deadline").asText()).as("deadline of row %d", i)
            .isGreaterThanOrEqualTo(before.get("deadline").asText());
      }
    }
  }

  @Test
  void theSummaryCountsWhatTheBoardShows() throws Exception {
    apply(LocalDate.of(2019, 5, 20)); // breached on TODAY
    withCompleteRecords(LocalDate.of(2019, 5, 20), LocalDate.of(2019, 5, 25)); // at risk
    apply(LocalDate.of(2019, 6, 18)); // on track

    EngineClock.setTo(TODAY);
    List<JsonNode> board = wholeBoard("manager");
    Map<String, Long> shown = new HashMap<>();
    board.forEach(r -> shown.merge(r.get("sla").asText(), 1L, Long::sum));

    ResponseEntity<String> response = rest.withBasicAuth("manager", "manager").getForEntity("/api/sla/summary", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode summary = json.readTree(response.getBody());
    Map<Sla, Long> counted = new EnumMap<>(Sla.class);
    for (Sla state : List.of(Sla.BREACHED, Sla.AT_RISK, Sla.ON_TRACK)) {
      counted.put(state, summary.get(state.name()).asLong());
      assertThat(counted.get(state)).as(state.name()).isEqualTo(shown.getOrDefault(state.name(), 0L)).isPositive();
    }
    assertThat(summary.get("open").asLong()).isEqualTo(board.size());
    assertThat(summary.get("asOf").asText()).isEqualTo(TODAY.toString());
  }

  @Test
  void onlyManagersAndAdministratorsSeeTheBoard() throws Exception {
    for (String path : List.of("/api/sla", "/api/sla/summary")) {
      ResponseEntity<String> coordinator = rest.withBasicAuth("coordinator", "coordinator").getForEntity(path, String.class);
      assertThat(coordinator.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(coordinator.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json.readTree(coordinator.getBody()).get("status").asInt()).isEqualTo(403);

      assertThat(rest.withBasicAuth("dr-okafor", "dr-okafor").getForEntity(path, String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.withBasicAuth("demo", "demo").getForEntity(path, String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.OK);
    }
  }

  // ---- helpers ----

  @Test
  void aCaseThatNeedsTwoReviewersShowsBothOfThem() throws Exception {
    // Nobody on the panel may decide both its shoulder surgery and its psychological item.
    LocalDate receivedOn = LocalDate.of(2019, 6, 3);
    EngineClock.setTo(receivedOn);
    ImrCase c = intake.apply(TestCases.application(TestCases.receivedOn(TestCases.unique("two-specialties"), receivedOn)));
    mine.add(c);
    Jobs.runDue(management, c.getProcessInstanceId());
    EngineClock.setTo(receivedOn.plusDays(2));
    records.receive(c.getCaseNumber(), new RecordsReceipt(receivedOn.plusDays(2), true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", receivedOn, "Dr. Il"))));
    Jobs.runDue(management, c.getProcessInstanceId());
    List<Task> assignments = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKey(Element.ASSIGN_REVIEWER.id).list();
    assertThat(assignments).hasSize(2);
    for (Task t : assignments) {
      Object group = runtime.getVariable(t.getExecutionId(), CaseProcess.REVIEW_GROUP.name());
      tasks.complete(t.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), Integer.valueOf(0).equals(group) ? "dr-chen" : "dr-kim"));
    }
    Jobs.runDue(management, c.getProcessInstanceId());

    EngineClock.setTo(TODAY);
    JsonNode row = wholeBoard("manager").stream().filter(r -> r.get("caseNumber").asText().equals(c.getCaseNumber()))
        .findFirst().orElseThrow();
    assertThat(row.get("reviewer").asText()).isEqualTo("dr-chen");
    assertThat(row.get("reviewers")).extracting(JsonNode::asText).containsExactly("dr-chen", "dr-kim");
  }

  private void expect(JsonNode row, String sla, String deadline, long daysLeft, String status, ImrCase c) {
    assertThat(row.get("sla").asText()).as(c.getCaseNumber()).isEqualTo(sla);
    assertThat(row.get("deadline").asText()).as(c.getCaseNumber()).isEqualTo(deadline);
    assertThat(row.get("daysLeft").asLong()).as(c.getCaseNumber()).isEqualTo(daysLeft);
    assertThat(row.get("status").asText()).as(c.getCaseNumber()).isEqualTo(status);
    assertThat(row.get("processInstanceId").asText()).as(c.getCaseNumber()).isEqualTo(c.getProcessInstanceId());
  }

  private List<JsonNode> wholeBoard(String user) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      ResponseEntity<String> response = rest.withBasicAuth(user, user)
          .getForEntity("/api/sla?page=" + page + "&size=500", String.class);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode body = json.readTree(response.getBody());
      body.forEach(rows::add);
      if (body.size() < 500) {
        return rows;
      }
    }
  }

  /** An eligible application received (and screened, and its notice sent) on that day. */
  private ImrCase apply(LocalDate receivedOn) {
    EngineClock.setTo(receivedOn);
    ImrCase c = intake.apply(TestCases.application(TestCases.receivedOn(TestCases.unique("seed-pt-exceeds"), receivedOn)));
    mine.add(c);
    Jobs.runDue(management, c.getProcessInstanceId());
    return c;
  }

  private ImrCase withCompleteRecords(LocalDate receivedOn, LocalDate recordsOn) {
    ImrCase c = apply(receivedOn);
    EngineClock.setTo(recordsOn);
    records.receive(c.getCaseNumber(), new RecordsReceipt(recordsOn, true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", recordsOn.minusDays(5), "Dr. Il"))));
    Jobs.runDue(management, c.getProcessInstanceId());
    return c;
  }

  private String assignReviewer(ImrCase c) {
    Candidate first = candidates.forCase(cases.get(c.getCaseNumber())).get(0);
    assertThat(first.eligible()).isTrue();
    Task task = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKey(Element.ASSIGN_REVIEWER.id).singleResult();
    tasks.complete(task.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), first.userId()));
    Jobs.runDue(management, c.getProcessInstanceId());
    return first.userId();
  }
}
