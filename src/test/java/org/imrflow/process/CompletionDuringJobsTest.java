package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A coordinator assigns reviewers on old-dated cases, whose deadline timers and save points are due
 * and run at the same moment on the same process instances (the race that answered HTTP 500,
 * ENGINE-03005). Every completion through /engine-rest succeeds: none is refused.
 */
@IntegrationTest
class CompletionDuringJobsTest {

  private static final int CASES = 24;

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @Test
  void completingATaskWhileTheCasesJobsRunIsNeverRefused() throws Exception {
    Api api = new Api(rest);
    List<String> refusals = new ArrayList<>();
    int raced = 0;
    for (int i = 0; i < CASES; i++) {
      String caseNumber = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()))
          .get("caseNumber").asText();
      assertThat(api.post("coordinator", "/api/cases/" + caseNumber + "/records",
          "{\"receivedOn\": \"2014-08-12\", \"complete\": true}").getStatusCode().value()).isEqualTo(200);
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
          .taskDefinitionKey("assign-reviewer").singleResult();
      String taskId = task.getId();
      List<Job> due = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).executable().list();
      raced += due.size();
      // Both start together: the jobs on the job executor's side, the person's click on the REST side.
      CyclicBarrier start = new CyclicBarrier(2);
      long offset = (i % 8) * 4L;
      CompletableFuture<Void> jobs = CompletableFuture.runAsync(() -> {
        await(start);
        // The click's request takes a few milliseconds to reach the engine: staggered starts meet it there.
        pause(offset);
        for (Job job : due) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException lostToThePerson) {
            // A job that loses is retried by the engine; only the person's answer counts here.
          }
        }
      });
      await(start);
      ResponseEntity<String> answer = api.post("coordinator", "/engine-rest/task/" + taskId + "/complete",
          "{\"variables\": {\"reviewerId\": {\"value\": \"dr-okafor\"}}}");
      jobs.get();
      if (answer.getStatusCode().value() != 204) {
        refusals.add(caseNumber + ": " + answer.getStatusCode() + " " + answer.getBody());
      }
    }
    assertThat(raced).as("jobs due on the cases while the coordinator assigned").isGreaterThanOrEqualTo(CASES);
    assertThat(refusals).isEmpty();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
