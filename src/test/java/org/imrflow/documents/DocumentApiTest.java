package org.imrflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.documents.CaseFileFixture.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.documents.CaseFileFixture.Upload;
import org.imrflow.reviewers.ReviewerPanelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The case file through the API (API.md §5 documents): upload and what it stores, the duplicate
 * rule, every refused input (nothing stored, the case unchanged), who may read, and the audit of
 * every read.
 */
@IntegrationTest
class DocumentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DocumentSettings settings;
  @LocalServerPort int port;
  CaseFileFixture f;

  @BeforeEach
  void aCaseInReview() {
    f = new CaseFileFixture(rest, identity, panel, tasks, management);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void aPdfIsStoredWithItsPagesAndTextAndReadBackAsItWasSent() throws Exception {
    byte[] pdf = TestFiles.pdf("Progress report: cervical strain, follow up.", "Lumbar paraspinal spasm persists.");
    ResponseEntity<String> created = f.upload("coordinator", fields("PR-2 progress report"), new Upload("pr2.pdf", pdf));

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode d = Api.json(created).get(0);
    assertThat(d.get("id").asText()).isNotBlank();
    assertThat(d.get("title").asText()).isEqualTo("PR-2 progress report");
    assertThat(d.get("author").asText()).isEqualTo("Dr. Il");
    assertThat(d.get("date").asText()).isEqualTo("2014-07-07");
    assertThat(d.get("sentBy").asText()).isEqualTo("CLAIMS_ADMINISTRATOR");
    assertThat(d.get("receivedOn").asText()).isEqualTo("2014-08-12");
    assertThat(d.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(d.get("pages").asInt()).isEqualTo(2);
    assertThat(d.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(d.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(d.get("duplicateOf").isNull()).isTrue();
    String id = d.get("id").asText();

    assertThat(f.list(f.reviewer).findValuesAsText("id")).containsExactly(id);
    JsonNode hits = Api.json(f.api.get(f.reviewer, "/api/cases/" + f.caseNumber + "/documents?q=LUMBAR spasm"));
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("id").asText()).isEqualTo(id);
    assertThat(hits.get(0).get("title").asText()).isEqualTo("PR-2 progress report");
    assertThat(hits.get(0).get("page").asInt()).isEqualTo(2);
    assertThat(hits.get(0).get("snippet").asText()).contains("Lumbar paraspinal spasm");
    assertThat(Api.json(f.api.get(f.reviewer, "/api/cases/" + f.caseNumber + "/documents?q=fracture"))).isEmpty();

    ResponseEntity<byte[]> content = f.api.bytes(f.reviewer, "/api/cases/" + f.caseNumber + "/documents/" + id + "/content",
        MediaType.ALL);
    assertThat(content.getStatusCode().value()).isEqualTo(200);
    assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(content.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
    assertThat(content.getBody()).isEqualTo(pdf);
  }

  @Test
  void imagesAreRecognisedByContentWhateverTheirName() {
    JsonNode stored = Api.json(f.upload("coordinator", fields("Scans"),
        new Upload("scan.pdf", TestFiles.image("png", 1)),
        new Upload("fax", TestFiles.image("tiff", 3)),
        new Upload("photo.png", TestFiles.image("jpeg", 1))));
    assertThat(stored.findValuesAsText("contentType")).containsExactly("image/png", "image/tiff", "image/jpeg");
    assertThat(stored.findValuesAsText("pages")).containsExactly("1", "3", "1");
  }

  @Test
  void theSameContentIsStoredOnceAndAnsweredAsADuplicate() {
    byte[] pdf = TestFiles.pdf("Physical therapy daily note.");
    String original = Api.json(f.upload("coordinator", fields("PT note"), new Upload("pt.pdf", pdf))).get(0).get("id").asText();
    long files = f.storedFiles(settings.folder());

    ResponseEntity<String> again = f.upload("coordinator", fields("PT note, sent again by the employee"),
        new Upload("copy.pdf", pdf), new Upload("other.pdf", TestFiles.pdf("Another note.")),
        new Upload("copy-2.pdf", pdf));

    assertThat(again.getStatusCode().value()).isEqualTo(201);
    JsonNode answer = Api.json(again);
    assertThat(answer.get(0).get("id").isNull()).isTrue();
    assertThat(answer.get(0).get("duplicateOf").asText()).isEqualTo(original);
    assertThat(answer.get(1).get("duplicateOf").isNull()).isTrue();
    assertThat(answer.get(2).get("duplicateOf").asText()).isEqualTo(original);
    assertThat(f.list("coordinator")).hasSize(2);
    assertThat(f.storedFiles(settings.folder())).isEqualTo(files + 1);

    byte[] mri = TestFiles.pdf("MRI lumbar spine.");
    String sameTwiceInOneUpload = Api.json(f.upload("coordinator", fields("Imaging"),
        new Upload("a.pdf", mri), new Upload("b.pdf", mri))).get(1).get("duplicateOf").asText();
    assertThat(f.list("coordinator").findValuesAsText("id")).contains(sameTwiceInOneUpload).hasSize(3);
  }

  @Test
  void everyRefusedUploadIsProblemJsonAndStoresNothing() {
    f.upload("coordinator", fields("Already there"), new Upload("first.pdf", TestFiles.pdf("First record.")));
    byte[] good = TestFiles.pdf("A good record.");
    refused(415, f.upload("coordinator", fields("Text"), new Upload("notes.pdf", "just text".getBytes(StandardCharsets.UTF_8))));
    refused(415, f.upload("coordinator", fields("Word"), new Upload("a.pdf", good),
        new Upload("letter.docx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0})));
    refused(400, f.upload("coordinator", fields("Empty"), new Upload("empty.pdf", new byte[0])));
    refused(400, f.upload("coordinator", fields("Broken"), new Upload("broken.pdf",
        "%PDF-1.7\nthis is not a PDF at all".getBytes(StandardCharsets.UTF_8))));
    refused(400, f.upload("coordinator", fields("Locked"), new Upload("locked.pdf", TestFiles.encryptedPdf("Secret"))));
    byte[] large = new byte[(int) settings.maxFileSize().toBytes() + 1024];
    System.arraycopy(good, 0, large, 0, good.length);
    refused(413, f.upload("coordinator", fields("Large"), new Upload("large.pdf", large)));
    refused(400, f.upload("coordinator", fields("Path"), new Upload("../../etc/report.pdf", good)));
    refused(400, f.upload("coordinator", fields("Path"), new Upload("C:\\scans\\report.pdf", good)));
    refused(400, f.upload("coordinator", Map.of("title", " ", "sentBy", "MAIL", "date", "07/07/2014"),
        new Upload("a.pdf", good)));
    refused(400, f.upload("coordinator", fields("No file")));
  }

  private void refused(int status, ResponseEntity<String> response) {
    // checked against the state before: taken once, lazily, per call
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = Api.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("errors")).isNotEmpty();
    assertThat(f.list("coordinator")).hasSize(1);
    assertThat(f.storedFiles(settings.folder())).isEqualTo(1);
    assertThat(f.audit().findValuesAsText("action")).containsOnlyOnce("DOCUMENTS_UPLOADED");
    assertThat(Api.json(f.api.get("coordinator", "/api/cases/" + f.caseNumber)).get("status").asText())
        .isEqualTo("IN_REVIEW");
  }

  @Test
  void invalidFieldsAreNamed() {
    JsonNode problem = Api.json(f.upload("coordinator", Map.of("title", " ", "sentBy", "MAIL", "date", "07/07/2014"),
        new Upload("a.pdf", TestFiles.pdf("x"))));
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "sentBy", "date");
  }

  @Test
  void anUploadBrokenOffInTheMiddleLeavesNoFileAndNoRow() throws Exception {
    byte[] pdf = TestFiles.pdf("A record that never arrives whole.");
    String boundary = "----imrflow-broken";
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBroken off\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"sentBy\"\r\n\r\nEMPLOYEE\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    long promised = headBytes.length + pdf.length + ("\r\n--" + boundary + "--\r\n").length();
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/cases/" + f.caseNumber + "/documents HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8))
          + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + promised
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(headBytes);
      out.write(pdf, 0, pdf.length / 2);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      in.readAllBytes();
    }
    assertThat(f.list("coordinator")).isEmpty();
    assertThat(f.storedFiles(settings.folder())).isZero();
    assertThat(f.audit().findValuesAsText("action")).doesNotContain("DOCUMENTS_UPLOADED");
  }

  @Test
  void whoMayUploadAndWhoMayRead() {
    byte[] pdf = TestFiles.pdf("Who reads this?");
    assertThat(f.upload(null, fields("x"), new Upload("a.pdf", pdf)).getStatusCode().value()).isEqualTo(401);
    for (String user : new String[] {"manager", f.reviewer, f.qualityReviewer, "dr-chen"}) {
      ResponseEntity<String> refused = f.upload(user, fields("x"), new Upload("a.pdf", pdf));
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(f.upload("demo", fields("By the administrator"), new Upload("a.pdf", pdf)).getStatusCode().value())
        .isEqualTo(201);
    String id = f.list("coordinator").get(0).get("id").asText();
    String documents = "/api/cases/" + f.caseNumber + "/documents";
    Map<String, Integer> expected = new HashMap<>();
    expected.put("coordinator", 200);
    expected.put("manager", 200);
    expected.put("demo", 200);
    expected.put(f.qualityReviewer, 200);
    expected.put(f.reviewer, 200);
    expected.put("dr-chen", 403);
    expected.forEach((user, status) -> {
      assertThat(f.api.get(user, documents).getStatusCode().value()).as(user).isEqualTo(status);
      assertThat(f.api.get(user, documents + "?q=reads").getStatusCode().value()).as(user).isEqualTo(status);
      assertThat(f.api.bytes(user, documents + "/" + id + "/content", MediaType.ALL).getStatusCode().value())
          .as(user).isEqualTo(status);
    });
    assertThat(f.api.get(null, documents).getStatusCode().value()).isEqualTo(401);
    assertThat(f.api.get("coordinator", documents + "/no-such-document/content").getStatusCode().value()).isEqualTo(404);
    assertThat(f.api.get("coordinator", "/api/cases/CM99-9999999/documents").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void everyReadOfADocumentIsInTheCaseAudit() {
    String id = Api.json(f.upload("coordinator", fields("Audited"), new Upload("a.pdf", TestFiles.pdf("Audited read."))))
        .get(0).get("id").asText();
    String content = "/api/cases/" + f.caseNumber + "/documents/" + id + "/content";
    f.api.bytes(f.reviewer, content, MediaType.ALL);
    f.api.bytes("manager", content, MediaType.ALL);
    f.api.bytes(f.qualityReviewer, content, MediaType.ALL);
    f.api.bytes("dr-chen", content, MediaType.ALL);

    var reads = new ArrayList<String>();
    f.audit().forEach(e -> {
      if (e.get("action").asText().equals("DOCUMENT_READ")) {
        assertThat(e.get("detail").asText()).isEqualTo("document " + id);
        assertThat(e.get("at").asText()).isNotBlank();
        reads.add(e.get("user").asText());
      }
    });
    assertThat(reads).containsExactly(f.reviewer, "manager", f.qualityReviewer);
  }

  @Test
  void aRecordsReceiptNamesOnlyDocumentsOfItsCase() {
    String id = Api.json(f.upload("coordinator", fields("PR-2"), new Upload("a.pdf", TestFiles.pdf("Listed."))))
        .get(0).get("id").asText();
    ResponseEntity<String> ok = f.api.post("coordinator", "/api/cases/" + f.caseNumber + "/records",
        "{\"receivedOn\": \"2014-08-12\", \"complete\": false, \"documentIds\": [\"" + id + "\"]}");
    assertThat(ok.getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> foreign = f.api.post("coordinator", "/api/cases/" + f.caseNumber + "/records",
        "{\"receivedOn\": \"2014-08-12\", \"complete\": false, \"documentIds\": [\"" + id + "\", \"not-a-document\"]}");
    assertThat(foreign.getStatusCode().value()).isEqualTo(400);
    assertThat(Api.json(foreign).get("errors").findValuesAsText("field")).containsExactly("documentIds[1]");
  }

  @Test
  void theCaseFilePageIsServedAndHoldsNoDataOfItsOwn() {
    ResponseEntity<String> page = rest.getForEntity("/case-file.html?case=" + f.caseNumber, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("/api/cases/").contains("'/documents'").doesNotContain(f.caseNumber);
  }
}
