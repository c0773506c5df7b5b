package org.imrflow.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.TestCases;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.mail.EmbeddedMailServer;
import org.imrflow.process.CaseProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Letters reach every party exactly once, with their PDF, whatever retries, outages or
 * concurrent runs happen on the way; and no letter names the reviewer.
 */
@IntegrationTest
class LetterDeliveryTest {

  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired Letters letters;
  @Autowired EmbeddedMailServer mail;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeEach
  void setUp() {
    EngineClock.setTo(LocalDate.of(2014, 8, 4));
  }

  @AfterEach
  void tearDown() {
    if (!mail.running()) {
      mail.start();
    }
    EngineClock.reset();
  }

  @Test
  void eachPartyGetsTheNoticeOnceWithItsPdf() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    Jobs.runDue(management, c.getProcessInstanceId());
    List<MimeMessage> received = received(c, LetterType.NOARFI);
    assertThat(received).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("employee@example.org", "hr@example.org", "claims@example.org", "dr.il@example.org");
    for (MimeMessage message : received) {
      byte[] pdf = pdfOf(message);
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertThat(new PDFTextStripper().getText(document)).contains("NOTICE OF ASSIGNMENT AND REQUEST FOR INFORMATION")
            .contains(c.getCaseNumber()).contains("08/19/2014");
      }
    }
  }

  // Plain ASCII goes as it is; an accented name makes it quoted-printable, as Jakarta Mail chooses.
  @ParameterizedTest(name = "employer {0}: {1}")
  @CsvSource({"Sunrise Packing Co., 7bit", "Panadería Núñez e Hijos, quoted-printable"})
  void eachMessageCarriesTheLettersTextAsArchived(String employer, String encoding) throws Exception {
    ObjectNode json = TestCases.unique("seed-pt-exceeds");
    ((ObjectNode) json.get("employer")).put("name", employer);
    ImrCase c = intake.apply(TestCases.application(json));
    Jobs.runDue(management, c.getProcessInstanceId());
    String text = letters.archived(c.getCaseNumber(), LetterType.NOARFI).orElseThrow().text();
    assertThat(text).contains("Employer:              " + employer);
    List<MimeMessage> received = received(c, LetterType.NOARFI);
    assertThat(received).hasSize(4);
    for (MimeMessage message : received) {
      Part part = ((Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent()).getBodyPart(0);
      assertThat(part.isMimeType("text/plain")).isTrue();
      assertThat(((MimePart) part).getEncoding()).isEqualTo(encoding);
      assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(text);
    }
  }

  @Test
  void sendingALetterAgainMailsNobodyTwice() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    Jobs.runDue(management, c.getProcessInstanceId());
    letters.send(cases.get(c.getCaseNumber()), LetterType.NOARFI);
    letters.send(cases.get(c.getCaseNumber()), LetterType.NOARFI);
    assertThat(received(c, LetterType.NOARFI)).hasSize(4);
    assertThat(letters.correspondence(c.getCaseNumber())).hasSize(1);
  }

  @Test
  void twoNodesRunningTheSameJobAtOnceMailEachPartyOnce() throws Exception {
    // Both runs must really run the job: one commits, the other runs it too and loses at its commit
    // (optimistic locking). A run that starts after the first one ended finds no job and proves
    // nothing: then the race is run again on a new case.
    List<List<String>> seen = new ArrayList<>();
    for (int race = 0; race < 5; race++) {
      ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
      Job job = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).executable().singleResult();
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<String>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
            management.executeJob(job.getId());
            return "done";
          } catch (OptimisticLockingException lostAtCommit) {
            return "ran and lost";
          } catch (MailNotDeliveredException deliveriesClaimedByTheOther) {
            return "ran and lost";
          } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
          }
        }));
      }
      start.countDown();
      List<String> outcomes = runs.stream().map(CompletableFuture::join).toList();
      seen.add(outcomes);
      assertThat(received(c, LetterType.NOARFI)).hasSize(4);
      assertThat(management.createJobQuery().processInstanceId(c.getProcessInstanceId()).executable().count()).isZero();
      if (outcomes.stream().allMatch(o -> o.equals("done") || o.equals("ran and lost"))) {
        // Both ran it at once: whichever won, each party got the notice once and the job is done.
        return;
      }
    }
    Assertions.fail("in 5 races the two runs never ran the job at the same time: " + seen);
  }

  @Test
  void anExpeditedRequestWithoutThePhysiciansCertificationIsStandardAndTheNoticeSaysWhy() {
    var json = TestCases.receivedOn(TestCases.unique("expedited-two-items"), LocalDate.of(2014, 8, 4));
    json.put("expeditedReason", " ");
    ImrCase c = intake.apply(TestCases.application(json));
    assertThat(cases.get(c.getCaseNumber()).isExpedited()).isFalse();
    Jobs.runDue(management, c.getProcessInstanceId());
    String notice = letters.archived(c.getCaseNumber(), LetterType.NOARFI).orElseThrow().text();
    assertThat(notice).contains("Priority:              Standard")
        .contains("asked for an expedited review, but no certification by the treating physician");
  }

  @Test
  void anExpeditedRequestWithTheCertificationIsExpeditedAndTheNoticeHasNoSuchParagraph() {
    ImrCase c = intake.apply(TestCases.application(
        TestCases.receivedOn(TestCases.unique("expedited-two-items"), LocalDate.of(2014, 8, 4))));
    assertThat(cases.get(c.getCaseNumber()).isExpedited()).isTrue();
    Jobs.runDue(management, c.getProcessInstanceId());
    String notice = letters.archived(c.getCaseNumber(), LetterType.NOARFI).orElseThrow().text();
    assertThat(notice).contains("Priority:              Expedited").doesNotContain("no certification");
  }

  @Test
  void whenTheMailServerIsDownTheCaseWaitsWithAnIncidentAndGoesOnWhenItIsBack() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    Job job = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).executable().singleResult();
    mail.stop();
    // The engine-wide policy (application.yml: failed-job-retry-time-cycle R5/PT5M): five tries,
    // the next one five minutes after a failure, then an incident.
    assertThat(job.getRetries()).isEqualTo(5);
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("mail server");
    Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(),
        retried.getDuedate().toInstant())).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("mail server");
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(c.getProcessInstanceId()).count()).isEqualTo(1);
    assertThat(letters.correspondence(c.getCaseNumber())).isEmpty();
    // A letter is archived together with its first claims: nothing was, the server never answered.
    assertThat(letters.archived(c.getCaseNumber(), LetterType.NOARFI)).isEmpty();

    mail.start();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
    assertThat(received(c, LetterType.NOARFI)).hasSize(4);
    assertThat(letters.correspondence(c.getCaseNumber()).get(0).recipients()).hasSize(4);
  }

  @Test
  void noLetterNamesTheReviewer() throws Exception {
    ImrCase c = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")));
    Jobs.runDue(management, c.getProcessInstanceId());
    records.receive(c.getCaseNumber(), new RecordsReceipt(LocalDate.of(2014, 8, 4), true, List.of()));
    completeTask(c, "assign-reviewer", Map.of(CaseProcess.REVIEWER_ID.name(), "dr-morales"));
    completeTask(c, "attest-no-conflict", Map.of(CaseProcess.NO_CONFLICT.name(), true));
    completeTask(c, "write-case-summary", Map.of(CaseProcess.CASE_SUMMARY.name(), "A summary written by the reviewer."));
    completeTask(c, "decide-item", Map.of(CaseProcess.DETERMINATION.name(), "OVERTURNED", CaseProcess.IMRO_GUIDELINE.name(), "MTUS",
        CaseProcess.RATIONALE.name(), "Within the guideline."));
    // An overturn waits for a quality review before its letter.
    completeTask(c, "quality-review", Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
    EngineClock.setTo(LocalDate.of(2014, 8, 20));
    Jobs.runDue(management, c.getProcessInstanceId());
    List<StoredLetter> all = new ArrayList<>();
    for (LetterType type : LetterType.values()) {
      letters.archived(c.getCaseNumber(), type).ifPresent(all::add);
    }
    assertThat(all).extracting(StoredLetter::type).contains(LetterType.NOARFI, LetterType.FINAL_DETERMINATION);
    for (StoredLetter letter : all) {
      try (PDDocument document = Loader.loadPDF(letter.pdf())) {
        String pdfText = new PDFTextStripper().getText(document);
        for (String text : List.of(letter.text(), pdfText, letter.subject())) {
          assertThat(text).doesNotContain("Morales").doesNotContain("Elena").doesNotContain("dr-morales");
        }
      }
    }
    assertThat(letters.archived(c.getCaseNumber(), LetterType.FINAL_DETERMINATION).orElseThrow().text())
        .contains("Certification(s)/Specialty: Family Practice").contains("State(s) of Licensure: California,North Carolina");
  }

  private void completeTask(ImrCase c, String key, Map<String, Object> variables) {
    Jobs.runDue(management, c.getProcessInstanceId());
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(c.getCaseNumber()).taskDefinitionKey(key)
        .singleResult().getId(), new HashMap<>(variables));
  }

  private List<MimeMessage> received(ImrCase c, LetterType type) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      if (type.subject(c.getCaseNumber()).equals(m.getSubject())) {
        found.add(m);
      }
    }
    return found;
  }

  private static byte[] pdfOf(MimeMessage message) throws Exception {
    Multipart multipart = (Multipart) message.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (part.isMimeType("application/pdf")) {
        return part.getInputStream().readAllBytes();
      }
    }
    throw new AssertionError("no PDF attached");
  }
}
