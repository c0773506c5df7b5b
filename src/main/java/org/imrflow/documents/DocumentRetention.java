package org.imrflow.documents;

import org.imrflow.cases.CaseAction;
import java.io.IOException;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the content and text of documents whose case closed more than
 * {@code imrflow.documents.retention} ago. The document's row stays: the letter and the audit keep
 * saying what was reviewed. Every node may run it: removing what is gone already does nothing.
 */
@Component
class DocumentRetention {

  private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

  private final CaseFileDocumentRepository documents;
  private final DocumentPages pages;
  private final DocumentStore store;
  private final DocumentSettings settings;
  private final BusinessClock clock;
  private final CaseAudit audit;

  DocumentRetention(CaseFileDocumentRepository documents, DocumentPages pages, DocumentStore store,
      DocumentSettings settings, BusinessClock clock, CaseAudit audit) {
    this.documents = documents;
    this.pages = pages;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.audit = audit;
  }

  @Scheduled(cron = "${imrflow.documents.retention-check}", zone = "${imrflow.zone}")
  @Transactional
  public int purge() {
    var today = clock.today();
    int purged = 0;
    for (CaseFileDocument d : documents.findKeptOfCasesClosedBy(today.minus(settings.retention()))) {
      try {
        store.delete(d.getStorageKey());
      } catch (IOException e) {
        log.warn("Case {}: the content of document {} could not be removed; retried at the next check",
            d.getCaseNumber(), d.getId());
        continue;
      }
      pages.delete(d.getId());
      d.purged(today);
      audit.record(d.getCaseNumber(), CaseAction.DOCUMENT_PURGED, "document " + d.getId() + ", retention " + settings.retention());
      purged++;
    }
    if (purged > 0) {
      log.info("{} document(s) past their retention period removed", purged);
    }
    return purged;
  }
}
