package org.imrflow.documents;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imrflow.documents.DocumentPages.Unread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes scanned pages searchable: the pages stored without text (an image's, a PDF page without a
 * text layer) are read by the OCR after the upload, a few at a time, by whichever node claims them
 * first. A node that dies while reading leaves its claim to lapse; another node then reads the page.
 */
@Component
class ScannedPages {

  private static final Logger log = LoggerFactory.getLogger(ScannedPages.class);

  /** Pages read in one turn: at 1-3 s a page, a turn keeps the shared scheduler thread for under a minute. */
  static final int PAGES_A_TURN = 10;
  /**
   * A claim older than this is taken to be a dead node's: far longer than a turn takes (its pages at
   * 1-3 s). A turn of pages that each hang to the OCR's limit could outlast it; another node then reads
   * such a page again, and writes the same text.
   */
  static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

  private final DocumentPages pages;
  private final DocumentStore store;
  private final Ocr ocr;
  private final AtomicBoolean announced = new AtomicBoolean();

  ScannedPages(DocumentPages pages, DocumentStore store, Ocr ocr) {
    this.pages = pages;
    this.store = store;
    this.ocr = ocr;
  }

  @Scheduled(fixedDelayString = "${imrflow.documents.ocr-every}", initialDelayString = "${imrflow.documents.ocr-every}")
  public void readSome() {
    Optional<String> program = ocr.version();
    announce(program);
    if (program.isEmpty()) {
      return;
    }
    // The system clock, not the business clock: a claim's age is a matter between nodes.
    Instant now = Instant.now();
    pages.unread(PAGES_A_TURN, now.minus(CLAIM_LEASE)).stream()
        .collect(groupingBy(Unread::documentId, LinkedHashMap::new, toList()))
        .values().forEach(ofOneDocument -> read(ofOneDocument, now));
  }

  private void read(List<Unread> ofOneDocument, Instant now) {
    List<Unread> claimed = ofOneDocument.stream().filter(page -> pages.claim(page, now, now.minus(CLAIM_LEASE))).toList();
    if (claimed.isEmpty()) {
      return;
    }
    Unread document = claimed.get(0);
    try (PageImages images = PageImages.of(store.open(document.storageKey()), document.contentType())) {
      for (Unread page : claimed) {
        pages.read(page, text(images, page));
      }
      log.info("Case {}: {} scanned page(s) of document {} read", document.caseNumber(), claimed.size(),
          document.documentId());
    } catch (IOException e) {
      // The content cannot be reached now (the store): the claims lapse and a later turn tries again.
      log.warn("Case {}: document {} could not be opened to read its scanned pages; tried again later",
          document.caseNumber(), document.documentId());
    }
  }

  /** The page's text; empty, once and for all, when its image cannot be read. */
  private String text(PageImages images, Unread page) {
    try {
      return IncomingFiles.capped(ocr.read(images.page(page.page())));
    } catch (IOException | RuntimeException e) {
      log.warn("Case {}: page {} of document {} could not be read by the OCR; it stays unsearchable",
          page.caseNumber(), page.page(), page.documentId());
      return "";
    }
  }

  private void announce(Optional<String> program) {
    if (announced.compareAndSet(false, true)) {
      log.info(program.map(version -> "Scanned pages are read by OCR (" + version + ")")
          .orElse("Scanned pages are not read on this node: no OCR program (imrflow.documents.ocr-command; Debian's "
              + "tesseract-ocr and tesseract-ocr-eng)"));
    }
  }
}
