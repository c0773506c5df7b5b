package org.imrflow.documents;

import org.imrflow.process.CaseProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.imrflow.security.Groups;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A case with a reviewer of its own assigned, users for every role, and multipart uploads to it. */
class CaseFileFixture {

  record Upload(String name, byte[] content) {
  }

  final TestRestTemplate rest;
  final Api api;
  final String reviewer;
  final String qualityReviewer;
  final String caseNumber;
  final String processInstanceId;

  CaseFileFixture(TestRestTemplate rest, IdentityService identity, ReviewerPanelService panel, TaskService tasks,
      ManagementService management) {
    this.rest = rest;
    this.api = new Api(rest);
    reviewer = user(identity, "rv-", Groups.REVIEWERS);
    panel.register(new ReviewerProfile(reviewer, "Case File Reviewer, MD", List.of("Family Practice"), List.of(),
        List.of(new ReviewerProfile.License("CA", "M1", LocalDate.of(2099, 1, 1))), 10, 30, List.of(), true));
    if (identity.createGroupQuery().groupId(CaseFileAccess.QUALITY_REVIEWERS).count() == 0) {
      identity.saveGroup(identity.newGroup(CaseFileAccess.QUALITY_REVIEWERS));
    }
    qualityReviewer = user(identity, "qa-", CaseFileAccess.QUALITY_REVIEWERS);
    EngineClock.setTo(LocalDate.of(2014, 8, 12));
    JsonNode created = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()));
    caseNumber = created.get("caseNumber").asText();
    processInstanceId = created.get("processInstanceId").asText();
    api.post("coordinator", "/api/cases/" + caseNumber + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId(),
        Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
    Jobs.runDue(management, processInstanceId);
  }

  private static String user(IdentityService identity, String prefix, String group) {
    String id = prefix + UUID.randomUUID().toString().substring(0, 8);
    var user = identity.newUser(id);
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, group);
    return id;
  }

  ResponseEntity<String> upload(String user, Map<String, String> fields, Upload... files) {
    return upload(user, caseNumber, fields, files);
  }

  ResponseEntity<String> upload(String user, String caseNumber, Map<String, String> fields, Upload... files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    for (Upload file : files) {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      body.add("file", new HttpEntity<>(new ByteArrayResource(file.content()) {
        @Override
        public String getFilename() {
          return file.name();
        }
      }, partHeaders));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (user != null) {
      headers.setBasicAuth(user, user);
    }
    return rest.exchange("/api/cases/" + caseNumber + "/documents", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  static Map<String, String> fields(String title) {
    return Map.of("title", title, "author", "Dr. Il", "date", "2014-07-07", "sentBy", "CLAIMS_ADMINISTRATOR");
  }

  JsonNode list(String user) {
    return Api.json(api.get(user, "/api/cases/" + caseNumber + "/documents"));
  }

  JsonNode audit() {
    return Api.json(api.get("coordinator", "/api/cases/" + caseNumber + "/audit"));
  }

  /** Every file of the case under the folder store, and every spooled upload. */
  long storedFiles(Path folder) {
    return count(folder.resolve(caseNumber)) + count(folder.resolve(".incoming"));
  }

  private static long count(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
