package org.imrflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imrflow.documents.CaseFileFixture.fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.Jobs;
import org.imrflow.documents.CaseFileFixture.Upload;
import org.imrflow.reviewers.ReviewerPanelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two stores (the folder of the embedded run, the database of prod) keep content byte for
 * byte, and the database store's content goes with a rolled-back upload. Retention removes content
 * and text of closed cases and keeps the row.
 */
@IntegrationTest
class DocumentStorageTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ReviewerPanelService panel;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DocumentRetention retention;
  @Autowired DocumentSettings settings;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theDatabaseStoreKeepsContentInChunksAndRollsBackWithTheUpload(@TempDir Path dir) throws Exception {
    byte[] content = new byte[DatabaseDocumentStore.CHUNK_BYTES * 2 + 1234];
    new Random(13).nextBytes(content);
    Path spool = Files.write(dir.resolve("spool"), content);
    DatabaseDocumentStore store = new DatabaseDocumentStore(jdbc);
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(s -> put(store, "CM00-0000000/kept", spool));
    try (InputStream in = store.open("CM00-0000000/kept")) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(jdbc.queryForObject("select count(*) from case_file_content where storage_key = ?", Integer.class,
        "CM00-0000000/kept")).isEqualTo(3);

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      put(store, "CM00-0000000/rolled-back", spool);
      throw new IllegalStateException("the upload fails after its content was stored");
    })).isInstanceOf(IllegalStateException.class);
    try (InputStream in = store.open("CM00-0000000/rolled-back")) {
      assertThat(in.read()).isEqualTo(-1);
    }

    store.delete("CM00-0000000/kept");
    try (InputStream in = store.open("CM00-0000000/kept")) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  private static void put(DocumentStore store, String key, Path spool) {
    try {
      store.put(key, spool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theFolderStoreKeepsKeysInsideItsFolder(@TempDir Path dir) throws Exception {
    FolderDocumentStore store = new FolderDocumentStore(dir.resolve("documents"));
    Path spool = Files.writeString(dir.resolve("spool"), "%PDF-1.7 content");
    store.put("CM00-0000000/a.pdf", spool);
    assertThat(Files.exists(spool)).isFalse();
    try (InputStream in = store.open("CM00-0000000/a.pdf")) {
      assertThat(new String(in.readAllBytes())).isEqualTo("%PDF-1.7 content");
    }
    assertThatThrownBy(() -> store.open("../outside")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retentionRemovesContentAndTextOfCasesClosedLongAgoAndKeepsTheRecordOfThem() {
    CaseFileFixture f = new CaseFileFixture(rest, identity, panel, tasks, management);
    String id = Api.json(f.upload("coordinator", fields("Kept for a while"),
        new Upload("a.pdf", TestFiles.pdf("Searchable words.")))).get(0).get("id").asText();
    String content = "/api/cases/" + f.caseNumber + "/documents/" + id + "/content";
    assertThat(f.api.post("coordinator", "/api/cases/" + f.caseNumber + "/terminate",
        "{\"reason\": \"WITHDRAWN\", \"on\": \"2014-08-12\"}").getStatusCode().value()).isEqualTo(200);
    Jobs.runDue(management, f.processInstanceId);

    EngineClock.setTo(LocalDate.of(2014, 8, 12).plus(settings.retention()).minusDays(1));
    retention.purge();
    assertThat(f.api.bytes("coordinator", content, MediaType.ALL).getStatusCode().value()).isEqualTo(200);

    EngineClock.setTo(LocalDate.of(2014, 8, 12).plus(settings.retention()));
    assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
    assertThat(f.api.bytes("coordinator", content, MediaType.ALL).getStatusCode().value()).isEqualTo(404);
    assertThat(Api.json(f.api.get("coordinator", "/api/cases/" + f.caseNumber + "/documents?q=searchable"))).isEmpty();
    assertThat(f.list("coordinator").findValuesAsText("id")).containsExactly(id);
    assertThat(f.audit().findValuesAsText("action")).contains("DOCUMENT_PURGED");
    assertThat(f.storedFiles(settings.folder())).isZero();
  }
}
