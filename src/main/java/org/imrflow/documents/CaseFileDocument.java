package org.imrflow.documents;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.persistence.Column;
import org.imrflow.persistence.Id;

/** One uploaded medical record of a case: what it is, who sent it, and where its content is stored. */
public class CaseFileDocument {

  @Id
  private String id;
  private String caseNumber;
  private String title;
  private String author;
  private LocalDate documentDate;
  private SentBy sentBy;
  private LocalDate receivedOn;
  private String contentType;
  private int pages;
  @Column("size_bytes")
  private long size;
  private String sha256;
  private String storageKey;
  private String uploadedBy;
  private Instant uploadedAt;
  private LocalDate listedOn;
  private LocalDate purgedOn;

  protected CaseFileDocument() {
  }

  CaseFileDocument(String id, String caseNumber, UploadFields fields, LocalDate receivedOn, IncomingFile file,
      String storageKey, String uploadedBy, Instant uploadedAt) {
    this.id = id;
    this.caseNumber = caseNumber;
    this.title = fields.title();
    this.author = fields.author();
    this.documentDate = fields.date();
    this.sentBy = fields.sentBy();
    this.receivedOn = receivedOn;
    this.contentType = file.kind().contentType;
    this.pages = file.pages();
    this.size = file.size();
    this.sha256 = file.sha256();
    this.storageKey = storageKey;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  void listedOn(LocalDate day) {
    if (listedOn == null) {
      listedOn = day;
    }
  }

  void purged(LocalDate day) {
    purgedOn = day;
  }

  public String getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public String getTitle() { return title; }
  public String getAuthor() { return author; }
  public LocalDate getDocumentDate() { return documentDate; }
  public SentBy getSentBy() { return sentBy; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public String getContentType() { return contentType; }
  public int getPages() { return pages; }
  public long getSize() { return size; }
  public String getSha256() { return sha256; }
  public String getStorageKey() { return storageKey; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
  public LocalDate getListedOn() { return listedOn; }
  public LocalDate getPurgedOn() { return purgedOn; }
}
