package org.imrflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.reviewers.ReviewerPanelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/cases/{n}/documents gets 500 uploads of a valid PDF whose form fields are wrong in one to
 * three ways (a date that is none or lies in the future, an unknown or numeric sentBy, a blank or
 * over-long title, an over-long author): each is a 400 problem+json naming a field that was wrong,
 * and nothing is stored; the upload with the fields as they were is then accepted. (Wrong files:
 * DocumentApiTest.)
 */
@IntegrationTest
class DocumentFieldsFuzzTest {

  private static final int BODIES = 500;
  private static final Map<String, List<String>> WRONG = Map.of(
      "date", List.of("2014-13-45", "08/04/2014", "20140804", "2014-08-13", "yesterday", "2014-02-30"),
      "sentBy", List.of("NOT_A_VALUE", "2", "claims administrator", "EMPLOYER"),
      "title", List.of(" ", "x".repeat(501)),
      "author", List.of("y".repeat(201)));

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void wrongFieldsAreRefusedNamingTheFieldAndStoreNothing() {
    CaseFileFixture fixture = new CaseFileFixture(rest, identity, panel, tasks, management);
    CaseFileFixture.Upload pdf = new CaseFileFixture.Upload("pr2.pdf", TestFiles.pdf("Progress report"));
    Map<String, String> valid = CaseFileFixture.fields("PR-2 progress report");
    Random random = new Random(16);
    List<String> names = List.copyOf(WRONG.keySet());
    for (int i = 0; i < BODIES; i++) {
      Map<String, String> fields = new LinkedHashMap<>(valid);
      List<String> mutated = new ArrayList<>();
      for (int m = 0, count = 1 + random.nextInt(3); m < count; m++) {
        String name = names.get(random.nextInt(names.size()));
        List<String> values = WRONG.get(name);
        fields.put(name, values.get(random.nextInt(values.size())));
        mutated.add(name);
      }
      ResponseEntity<String> answer = fixture.upload("coordinator", fields, pdf);
      assertThat(answer.getStatusCode().value()).as("%s: %s", fields, answer.getBody()).isEqualTo(400);
      assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      List<String> named = new ArrayList<>();
      Api.json(answer).path("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as("%s: %s", fields, answer.getBody()).anyMatch(mutated::contains);
    }
    assertThat(fixture.list("coordinator")).as("nothing stored").isEmpty();
    assertThat(fixture.upload("coordinator", valid, pdf).getStatusCode().value()).isEqualTo(201);
  }
}
