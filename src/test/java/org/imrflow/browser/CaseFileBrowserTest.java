package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.documents.TestFiles;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file in a real Chromium: a coordinator uploads a record from the case file page, and the
 * reviewer opens it from the decide-item task in Tasklist, on the webapp login alone; the read is
 * in the case's audit. Screenshots go to target/screenshots/.
 */
@ExtendWith(BrowserExtension.class)
@IntegrationTest
class CaseFileBrowserTest {

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;

  private Browser browser;
  private Tasklist tasklist;
  private CaseStates states;

  @BeforeEach
  void setUp(Browser browser, CaseStates states) {
    EngineClock.reset();
    this.browser = browser;
    this.tasklist = new Tasklist(browser, "http://localhost:" + port);
    this.states = states;
  }

  @Test
  void aCoordinatorUploadsARecordAndTheReviewerOpensItFromTheDecideItemTask() throws Exception {
    ImrCase c = states.assignedTo("seed-pt-exceeds", "dr-okafor");
    String page = "http://localhost:" + port + "/case-file.html?case=" + c.getCaseNumber();

    // The coordinator, logged in to Tasklist, uploads from the case file page (no password asked).
    tasklist.loginAs("coordinator");
    browser.open(page);
    browser.until("the empty case file", () -> browser.visible(By.id("documents")).getText().contains("No documents"));
    Path pdf = Files.write(Files.createTempFile("pr2-", ".pdf"),
        TestFiles.pdf("Primary treating physician progress report.", "Lumbar paraspinal spasm; PT 11 visits."));
    browser.present(By.id("files")).sendKeys(pdf.toAbsolutePath().toString());
    browser.visible(By.id("title")).sendKeys("PR-2 progress report");
    browser.visible(By.id("author")).sendKeys("Dr. Il");
    browser.click(By.id("upload"));
    browser.until("the upload stored", () -> browser.visible(By.id("upload-result")).getText().contains("stored, 2 pages"));
    browser.until("the document listed", () -> !browser.driver().findElements(By.cssSelector("a.document-link")).isEmpty());
    browser.screenshot("7-01-case-file-page-upload");
    // The whole page is ours.
    Axe.check(browser, "case-file-page", "body");
    Files.delete(pdf);
    JsonNode stored = Api.json(new Api(rest).get("coordinator", "/api/cases/" + c.getCaseNumber() + "/documents"));
    assertThat(stored).hasSize(1);
    String id = stored.get(0).get("id").asText();

    // The reviewer attests and summarizes (through the engine), then opens the record from decide-item.
    tasks.complete(states.task(c, Element.ATTEST_NO_CONFLICT).getId(), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    states.runJobs(c);
    tasks.complete(states.task(c, Element.WRITE_CASE_SUMMARY).getId(),
        Map.of(CaseProcess.CASE_SUMMARY.name(), "The patient is a 21 year old male with neck and low back pain."));
    states.runJobs(c);
    Task decision = states.task(c, Element.DECIDE_ITEM);

    String filter = "My reviews by due date";
    tasklist.loginAs("dr-okafor");
    tasklist.waitForTask(filter, decision.getId());
    CamundaForm decide = tasklist.openTask(decision.getId());
    assertThat(decide.text()).contains("Medical records (files): 1 document(s)", "PR-2 progress report");
    WebElement link = browser.visible(By.cssSelector(".task-details .fjs-form a[href$='/documents/" + id + "/content']"));
    assertThat(link.getText()).isEqualTo("PR-2 progress report");
    assertThat(link.getAttribute("href")).endsWith("/api/cases/" + c.getCaseNumber() + "/documents/" + id + "/content");
    browser.script("arguments[0].scrollIntoView({block: 'center'});", link);
    browser.screenshot("7-02-decide-item-lists-the-records");
    Axe.check(browser, "tasklist-decide-item-records", ".fjs-container");

    // The link opens the document in the browser on the Tasklist login (no password asked).
    List<String> before = List.copyOf(browser.driver().getWindowHandles());
    browser.click(link);
    browser.until("the document opened", () -> browser.driver().getWindowHandles().size() > before.size()
        || browser.driver().getCurrentUrl().endsWith("/content"));
    for (String handle : browser.driver().getWindowHandles()) {
      if (!before.contains(handle)) {
        browser.driver().switchTo().window(handle);
      }
    }
    browser.until("the document's address", () -> browser.driver().getCurrentUrl().endsWith("/documents/" + id + "/content"));
    browser.until("the read audited", () -> audit(c).stream().anyMatch(e -> e.equals("dr-okafor DOCUMENT_READ document " + id)));
    browser.screenshot("7-03-reviewer-opens-the-record");
    browser.driver().switchTo().window(before.get(0));
  }

  private List<String> audit(ImrCase c) {
    JsonNode trail = Api.json(new Api(rest).get("coordinator", "/api/cases/" + c.getCaseNumber() + "/audit"));
    return StreamSupport.stream(trail.spliterator(), false)
        .map(e -> e.get("user").asText() + " " + e.get("action").asText() + " " + e.get("detail").asText()).toList();
  }
}
