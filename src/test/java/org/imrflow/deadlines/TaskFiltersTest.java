package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.process.CaseProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Each group finds its Tasklist filters at start, and only its own. */
@IntegrationTest
class TaskFiltersTest {

  @Autowired TestRestTemplate rest;

  @Test
  void eachGroupSeesItsFilters() {
    Api api = new Api(rest);
    assertThat(names(api, "coordinator")).contains("Applications to screen", "Reviewer assignment", "Records overdue")
        .doesNotContain("SLA breaches", "My reviews by due date");
    assertThat(names(api, "dr-chen")).containsExactly("My reviews by due date");
    assertThat(names(api, "manager")).containsExactly("SLA breaches");
  }

  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;

  @Test
  void aReviewersFilterListsTheirOwnTasks() {
    var c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    records.receive(c.getCaseNumber(), new RecordsReceipt(LocalDate.of(2014, 8, 12), true,
        List.of()));
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(c.getCaseNumber()).singleResult().getId(),
        Map.of(CaseProcess.REVIEWER_ID.name(), "dr-chen"));
    Jobs.runDue(management, c.getProcessInstanceId());
    Api api = new Api(rest);
    JsonNode filters = Api.json(api.get("dr-chen", "/engine-rest/filter"));
    String id = filters.get(0).get("id").asText();
    assertThat(filters.get(0).get("name").asText()).isEqualTo("My reviews by due date");
    JsonNode tasks = Api.json(api.get("dr-chen", "/engine-rest/filter/" + id + "/list"));
    assertThat(tasks.findValuesAsText("taskDefinitionKey")).contains("attest-no-conflict");
    tasks.forEach(task -> assertThat(task.get("assignee").asText()).isEqualTo("dr-chen"));
  }

  /** The filters' own names (their properties name variables too). */
  private static List<String> names(Api api, String user) {
    List<String> names = new ArrayList<>();
    Api.json(api.get(user, "/engine-rest/filter")).forEach(filter -> names.add(filter.get("name").asText()));
    return names;
  }
}
