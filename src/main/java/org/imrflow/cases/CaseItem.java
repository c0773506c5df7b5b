package org.imrflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.persistence.Id;

/** One disputed item of a case: the item as applied for (JSON), its guideline check and its decision. */
public class CaseItem {

  @Id(generated = true)
  private Long id;

  private String caseNumber;
  private int itemIndex;
  private String description;
  private String category;
  private String item;
  private String guidelineCheck;
  /** The clinical facts the reviewer stated for the guideline check (JSON, names as the API's). */
  private String clinicalFacts;
  private Determination determination;

  private String imroGuideline;
  private String rationale;
  private String decidedBy;
  private Instant decidedAt;
  /** The claims administrator authorized it during the review: no longer in dispute, never decided. */
  private LocalDate authorizedOn;

  protected CaseItem() {
  }

  public CaseItem(String caseNumber, int itemIndex, String description, String category, String item) {
    this.caseNumber = caseNumber;
    this.itemIndex = itemIndex;
    this.description = description;
    this.category = category;
    this.item = item;
  }

  public void decide(Determination determination, String imroGuideline, String rationale, String by, Instant at) {
    this.determination = determination;
    this.imroGuideline = imroGuideline;
    this.rationale = rationale;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  /** The reviewer who decided it no longer qualifies: a new reviewer decides it again. */
  void undecide() {
    decide(null, null, null, null, null);
  }

  /** The claims administrator authorized it (API.md §5 terminate naming items): it leaves the review. */
  public void authorize(LocalDate on) {
    this.authorizedOn = on;
  }

  public boolean isAuthorized() {
    return authorizedOn != null;
  }

  public LocalDate getAuthorizedOn() { return authorizedOn; }

  /** Nothing left to decide: decided, or authorized by the claims administrator. */
  public boolean isSettled() {
    return isDecided() || isAuthorized();
  }

  public boolean isDecided() {
    return determination != null;
  }

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public int getItemIndex() { return itemIndex; }
  public String getDescription() { return description; }
  public String getCategory() { return category; }
  public String getItem() { return item; }
  public String getGuidelineCheck() { return guidelineCheck; }
  public String getClinicalFacts() { return clinicalFacts; }
  public void setClinicalFacts(String clinicalFacts) { this.clinicalFacts = clinicalFacts; }
  public void setGuidelineCheck(String guidelineCheck) { this.guidelineCheck = guidelineCheck; }
  public Determination getDetermination() { return determination; }
  public String getImroGuideline() { return imroGuideline; }
  public String getRationale() { return rationale; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
}
