package org.imrflow.documents;

import java.time.LocalDate;

/**
 * A document as the API shows it (API.md §5 documents). An upload that repeats a document already
 * in the case file is answered with that document's stored facts, {@code id} null (nothing new was
 * stored) and {@code duplicateOf} naming it.
 */
record DocumentView(String id, String title, String author, LocalDate date, SentBy sentBy, LocalDate receivedOn,
    String contentType, int pages, long size, String sha256, String duplicateOf) {

  static DocumentView of(CaseFileDocument d) {
    return new DocumentView(d.getId(), d.getTitle(), d.getAuthor(), d.getDocumentDate(), d.getSentBy(),
        d.getReceivedOn(), d.getContentType(), d.getPages(), d.getSize(), d.getSha256(), null);
  }

  static DocumentView duplicate(UploadFields fields, CaseFileDocument original, LocalDate receivedOn) {
    return new DocumentView(null, fields.title(), fields.author(), fields.date(), fields.sentBy(), receivedOn,
        original.getContentType(), original.getPages(), original.getSize(), original.getSha256(), original.getId());
  }
}
