package org.imrflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.documents.CaseFileFixture.fields;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.documents.CaseFileFixture.Upload;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskFormViews;
import org.imrflow.reviewers.ReviewerPanelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

/**
 * The case file where the reviewer works: the reviewer's tasks list the documents as links that
 * open them, and the final letter's "documents reviewed" names every one of them.
 */
@IntegrationTest
class CaseFileInTasksAndLetterTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired TaskService tasks;
  @Autowired TaskFormViews views;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theReviewersTasksLinkEveryDocumentAndTheLetterListsThem() {
    CaseFileFixture f = new CaseFileFixture(rest, identity, panel, tasks, management);
    String id = Api.json(f.upload("coordinator", fields("PR-2 progress report"),
        new Upload("pr2.pdf", TestFiles.pdf("Progress report.")))).get(0).get("id").asText();
    Api.json(f.upload("coordinator", Map.of("title", "Physical therapy notes", "sentBy", "PROVIDER"),
        new Upload("pt.tif", TestFiles.image("tiff", 2))));
    String link = "(/api/cases/" + f.caseNumber + "/documents/" + id + "/content)";

    complete(f, "attest-no-conflict", Map.of(CaseProcess.NO_CONFLICT.name(), true));
    assertThat(documentsShown(f, "write-case-summary"))
        .contains("[PR-2 progress report]" + link + ", Dr. Il, 07/07/2014 (1 page)")
        .contains("Physical therapy notes](").contains("(2 pages)")
        .contains("[open the case file](/case-file.html?case=" + f.caseNumber + ")");
    complete(f, "write-case-summary", Map.of(CaseProcess.CASE_SUMMARY.name(), "The patient is a 21 year old male with neck and back pain."));
    assertThat(documentsShown(f, "decide-item")).contains("[PR-2 progress report]" + link);

    complete(f, "decide-item", Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Treatment Guidelines Physical Medicine, pages 98, 99.",
        CaseProcess.RATIONALE.name(), "The requested sessions with those completed exceed the recommended 9-10 visits."));
    EngineClock.setTo(LocalDate.of(2014, 9, 2));
    Jobs.runDue(management, f.processInstanceId);
    // The fixture's reviewer is new: their first cases get a quality review, which the quality reviewer approves.
    for (var review : tasks.createTaskQuery().processInstanceId(f.processInstanceId).taskDefinitionKey("quality-review")
        .list()) {
      assertThat(f.api.post("qa", "/engine-rest/task/" + review.getId() + "/complete",
          "{\"variables\": {\"qaOutcome\": {\"value\": \"APPROVED\"}}}").getStatusCode().value()).isEqualTo(204);
      Jobs.runDue(management, f.processInstanceId);
    }

    String letter = f.api.get("coordinator", "/api/cases/" + f.caseNumber + "/letter", MediaType.TEXT_PLAIN).getBody();
    assertThat(letter.substring(letter.indexOf("DOCUMENTS REVIEWED")))
        .contains("- PR-2 progress report, Dr. Il, 07/07/2014\n")
        .contains("- Physical therapy notes\n")
        .contains("- Application for Independent Medical Review, received 08/04/2014\n")
        .contains("- Utilization Review decision, 07/24/2014\n")
        .contains("- California Medical Treatment Utilization Schedule (MTUS)");
  }

  private void complete(CaseFileFixture f, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(f, taskKey).getId(), variables);
    Jobs.runDue(management, f.processInstanceId);
  }

  private String documentsShown(CaseFileFixture f, String taskKey) {
    return (String) views.of(task(f, taskKey).getId()).get(CaseProcess.CASE_FILE_DOCUMENTS.name());
  }

  private Task task(CaseFileFixture f, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(f.caseNumber).taskDefinitionKey(taskKey).singleResult();
  }
}
