package org.imrflow.documents;

import org.imrflow.cases.CaseAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAudit;
import org.imrflow.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files spooled and read files with a case, all or nothing: every file of an upload is checked
 * before any is stored, and the rows, the page texts and the content commit together. Content that
 * a case file already holds is not stored again; the answer names the document it repeats.
 */
@Service
class DocumentUploads {

  private static final Logger log = LoggerFactory.getLogger(DocumentUploads.class);

  private final CaseFileDocumentRepository documents;
  private final DocumentPages pages;
  private final DocumentStore store;
  private final CaseAudit audit;
  private final BusinessClock clock;
  private final TransactionTemplate transaction;

  DocumentUploads(CaseFileDocumentRepository documents, DocumentPages pages, DocumentStore store, CaseAudit audit,
      BusinessClock clock, PlatformTransactionManager transactions) {
    this.documents = documents;
    this.pages = pages;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  List<DocumentView> file(String caseNumber, UploadFields fields, List<IncomingFile> files, String userId) {
    try {
      return transaction.execute(status -> store(caseNumber, fields, files, userId));
    } catch (DataIntegrityViolationException e) {
      // Two uploads of the same content for one case at the same moment: the unique key let one in.
      throw new ConflictException("The same file was being uploaded to case " + caseNumber + " at the same time: "
          + "upload it again to see which document it repeats");
    }
  }

  private List<DocumentView> store(String caseNumber, UploadFields fields, List<IncomingFile> files, String userId) {
    var receivedOn = clock.today();
    Map<String, CaseFileDocument> bySha = new HashMap<>();
    List<DocumentView> answer = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    for (IncomingFile file : files) {
      CaseFileDocument original = bySha.computeIfAbsent(file.sha256(),
          sha -> documents.findByCaseNumberAndSha256(caseNumber, sha).orElse(null));
      if (original != null) {
        answer.add(DocumentView.duplicate(fields, original, receivedOn));
        continue;
      }
      String id = UUID.randomUUID().toString();
      String key = caseNumber + "/" + id + "." + file.kind().extension;
      put(key, file);
      CaseFileDocument d = documents.insert(
          new CaseFileDocument(id, caseNumber, fields, receivedOn, file, key, userId, clock.now()));
      pages.save(id, file.pageTexts());
      bySha.put(file.sha256(), d);
      stored.add(id);
      answer.add(DocumentView.of(d));
    }
    audit.record(caseNumber, CaseAction.DOCUMENTS_UPLOADED, stored.size() + " document(s) stored"
        + (stored.isEmpty() ? "" : " " + String.join(", ", stored))
        + (files.size() > stored.size() ? ", " + (files.size() - stored.size()) + " duplicate(s)" : ""));
    log.info("Case {}: {} document(s) uploaded, {} stored", caseNumber, files.size(), stored.size());
    return answer;
  }

  /** Stores content; a store outside the transaction is undone if the transaction does not commit. */
  private void put(String key, IncomingFile file) {
    try {
      store.put(key, file.spool());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!store.transactional()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            try {
              store.delete(key);
            } catch (IOException e) {
              log.warn("Could not remove the content of an upload that was rolled back ({})", key);
            }
          }
        }
      });
    }
  }
}
