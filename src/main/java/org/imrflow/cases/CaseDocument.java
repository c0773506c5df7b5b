package org.imrflow.cases;

import java.time.LocalDate;
import org.imrflow.persistence.Id;

/** A medical record received for a case (8 CCR 9792.10.5); listed in the final letter. */
public class CaseDocument {

  @Id(generated = true)
  private Long id;

  private String caseNumber;
  private String title;
  private LocalDate documentDate;
  private String author;
  private LocalDate receivedOn;

  protected CaseDocument() {
  }

  public CaseDocument(String caseNumber, String title, LocalDate documentDate, String author, LocalDate receivedOn) {
    this.caseNumber = caseNumber;
    this.title = title;
    this.documentDate = documentDate;
    this.author = author;
    this.receivedOn = receivedOn;
  }

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public String getTitle() { return title; }
  public LocalDate getDocumentDate() { return documentDate; }
  public String getAuthor() { return author; }
  public LocalDate getReceivedOn() { return receivedOn; }
}
