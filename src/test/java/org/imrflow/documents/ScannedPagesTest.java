package org.imrflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.documents.CaseFileFixture.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.documents.CaseFileFixture.Upload;
import org.imrflow.reviewers.ReviewerPanelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scanned records become searchable: a fax (TIFF), a photo of a page (PNG) and a scanned PDF are read
 * by the real OCR program (Tesseract, Debian's tesseract-ocr) after the upload, and the search finds
 * their words on the right page; a PDF's own text is never read again. Without Tesseract the test is
 * skipped, with -Docr.required=true (what .ci/run runs, after installing it) it fails instead.
 */
@IntegrationTest
class ScannedPagesTest {

  /** Reading a page takes 1-3 s on these machines; the upload's pages are read one turn after another. */
  private static final Duration READ_WITHIN = Duration.ofSeconds(90);

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Ocr ocr;
  @Autowired JdbcTemplate jdbc;
  CaseFileFixture f;

  @BeforeEach
  void aCaseInReviewOnAMachineThatReadsScans() {
    if (ocr.version().isEmpty()) {
      if (Boolean.getBoolean("ocr.required")) {
        throw new AssertionError("ocr.required=true but no OCR program runs here (install Debian's tesseract-ocr and "
            + "tesseract-ocr-eng)");
      }
      Assumptions.abort("No OCR program here (Debian's tesseract-ocr): scanned pages are not read");
    }
    f = new CaseFileFixture(rest, identity, panel, tasks, management);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theWordsOfAFaxAPhotoAndAScannedPdfAreFoundOnTheirPage() {
    byte[] fax = TestFiles.scan("tiff", TestFiles.scannedPage("Request for authorization, page one."),
        TestFiles.scannedPage("Lumbar paraspinal spasm persists after", "eleven visits of physical therapy."));
    byte[] photo = TestFiles.scan("png", TestFiles.scannedPage("Cervical radiculopathy on the left side."));
    byte[] scannedPdf = TestFiles.scannedPdf(TestFiles.scannedPage("Electromyography of both upper limbs."));
    assertThat(f.upload("coordinator", fields("Faxed RFA"), new Upload("rfa.tif", fax)).getStatusCode().value()).isEqualTo(201);
    assertThat(f.upload("coordinator", fields("Photo of a note"), new Upload("note.png", photo)).getStatusCode().value())
        .isEqualTo(201);
    assertThat(f.upload("coordinator", fields("Scanned EMG order"), new Upload("emg.pdf", scannedPdf)).getStatusCode()
        .value()).isEqualTo(201);

    assertThat(found("paraspinal eleven")).isEqualTo("Faxed RFA, page 2");
    assertThat(found("radiculopathy")).isEqualTo("Photo of a note, page 1");
    assertThat(found("electromyography")).isEqualTo("Scanned EMG order, page 1");
  }

  @Test
  void aPdfsOwnTextIsKeptAndNotReadAgain() {
    byte[] pdf = TestFiles.pdf("Progress report: cervical strain, follow up.");
    JsonNode stored = Api.json(f.upload("coordinator", fields("PR-2"), new Upload("pr2.pdf", pdf)));
    String id = stored.get(0).get("id").asText();
    assertThat(jdbc.queryForObject("select count(*) from case_file_page where document_id = ? and needs_ocr = true",
        Integer.class, id)).isZero();
    assertThat(found("cervical strain")).isEqualTo("PR-2, page 1");
  }

  /** The first hit of a search, as "title, page n", once the OCR has read the pages holding it. */
  private String found(String words) {
    Instant giveUp = Instant.now().plus(READ_WITHIN);
    while (true) {
      JsonNode hits = Api.json(f.api.get("coordinator", "/api/cases/" + f.caseNumber + "/documents?q=" + words.replace(" ", "+")));
      if (!hits.isEmpty()) {
        return hits.get(0).get("title").asText() + ", page " + hits.get(0).get("page").asInt();
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("no page holds \"" + words + "\" " + READ_WITHIN.toSeconds() + " s after the upload");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
