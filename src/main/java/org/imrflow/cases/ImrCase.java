package org.imrflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imrflow.persistence.Column;
import org.imrflow.persistence.Id;
import org.imrflow.persistence.Version;

/**
 * An IMR case: the application as received (JSON) and what became of it. Its dates are the
 * read model that the SLA board and reports query without touching the engine.
 */
public class ImrCase {

  @Id
  private String caseNumber;
  private CaseStatus status;

  @Column("is_open")
  private boolean open;

  private boolean expedited;
  private LocalDate applicationReceivedOn;
  private LocalDate urDecisionDate;
  private String dedupeKey;
  private String application;
  private Boolean eligible;
  private String eligibilityReasons;
  private String deferredBecause;
  private String processInstanceId;
  private LocalDate noticeDate;
  private LocalDate noticeDueOn;
  private LocalDate recordsDue;
  private LocalDate recordsCompleteOn;
  private LocalDate determinationDue;
  private LocalDate deadline;
  private Integer deadlineAllowedDays;
  private LocalDate atRiskOn;
  private String reviewerId;
  private LocalDate assignedOn;
  private String declinedReviewers;
  private String caseSummary;
  private LocalDate decidedOn;
  private LocalDate letterSentOn;
  private LocalDate closedOn;
  private Instant createdAt;

  @Version
  private int version;

  protected ImrCase() {
  }

  public ImrCase(String caseNumber, boolean expedited, LocalDate applicationReceivedOn, LocalDate urDecisionDate,
      String dedupeKey, String application, Instant createdAt) {
    this.caseNumber = caseNumber;
    this.expedited = expedited;
    this.applicationReceivedOn = applicationReceivedOn;
    this.urDecisionDate = urDecisionDate;
    this.dedupeKey = dedupeKey;
    this.application = application;
    this.createdAt = createdAt;
    moveTo(CaseStatus.ELIGIBILITY_REVIEW);
  }

  /** Only the lifecycle moves a case (CaseLifecycle); the initial status is that of a received application. */
  void moveTo(CaseStatus status) {
    this.status = status;
    this.open = status.isOpen();
  }

  public void screened(boolean eligible, List<String> reasons) {
    this.eligible = eligible;
    this.eligibilityReasons = String.join(",", reasons);
  }

  public List<String> eligibilityReasonList() {
    return eligibilityReasons == null || eligibilityReasons.isEmpty() ? List.of()
        : Arrays.asList(eligibilityReasons.split(","));
  }

  /**
   * Found eligible (and not deferred): the notice of assignment is due on this day, counted from
   * the screening; null when there is no notice to send (ineligible, or deferred until screened again).
   */
  public void noticeDueOn(LocalDate due) {
    this.noticeDueOn = due;
  }

  /** Whether a notice of assignment that went out to every party on this day was late. */
  public boolean noticeLate(LocalDate sentOn) {
    return noticeDueOn != null && sentOn.isAfter(noticeDueOn);
  }

  /** The deadline that the SLA board tracks now, with the time the law allows for it. */
  public void trackDeadline(LocalDate deadline, Integer allowedDays, LocalDate atRiskOn) {
    this.deadline = deadline;
    this.deadlineAllowedDays = allowedDays;
    this.atRiskOn = atRiskOn;
  }

  /** Deferred (the claims administrator disputes liability) because of this, or null once resumed. */
  void defer(String because) {
    this.deferredBecause = because;
  }

  public String getDeferredBecause() { return deferredBecause; }

  void assign(String reviewerId, LocalDate on) {
    this.reviewerId = reviewerId;
    this.assignedOn = on;
  }

  /** Group 0's reviewer left (see CaseLifecycle): unassigned; offered again once qualified unless declined. */
  void unassign() {
    this.reviewerId = null;
    this.assignedOn = null;
    this.caseSummary = null;
    this.decidedOn = null;
  }

  /** The reviewer is in conflict (declared or found): never offered this case again. */
  void decline(String reviewerId) {
    List<String> declined = new ArrayList<>(declinedReviewerList());
    if (!declined.contains(reviewerId)) {
      declined.add(reviewerId);
    }
    this.declinedReviewers = String.join(",", declined);
  }

  public List<String> declinedReviewerList() {
    return declinedReviewers == null || declinedReviewers.isEmpty() ? List.of()
        : Arrays.asList(declinedReviewers.split(","));
  }

  public String getCaseNumber() { return caseNumber; }
  public CaseStatus getStatus() { return status; }
  public boolean isOpen() { return open; }
  public boolean isExpedited() { return expedited; }
  public void setExpedited(boolean expedited) { this.expedited = expedited; }
  public LocalDate getApplicationReceivedOn() { return applicationReceivedOn; }
  public LocalDate getUrDecisionDate() { return urDecisionDate; }
  public String getDedupeKey() { return dedupeKey; }
  public String getApplication() { return application; }
  public Boolean getEligible() { return eligible; }
  public String getProcessInstanceId() { return processInstanceId; }
  public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
  public LocalDate getNoticeDate() { return noticeDate; }
  public void setNoticeDate(LocalDate noticeDate) { this.noticeDate = noticeDate; }
  public LocalDate getNoticeDueOn() { return noticeDueOn; }
  public LocalDate getRecordsDue() { return recordsDue; }
  public void setRecordsDue(LocalDate recordsDue) { this.recordsDue = recordsDue; }
  public LocalDate getRecordsCompleteOn() { return recordsCompleteOn; }
  public void setRecordsCompleteOn(LocalDate recordsCompleteOn) { this.recordsCompleteOn = recordsCompleteOn; }
  public LocalDate getDeterminationDue() { return determinationDue; }
  public void setDeterminationDue(LocalDate determinationDue) { this.determinationDue = determinationDue; }
  public LocalDate getDeadline() { return deadline; }
  public Integer getDeadlineAllowedDays() { return deadlineAllowedDays; }
  public LocalDate getAtRiskOn() { return atRiskOn; }
  public String getReviewerId() { return reviewerId; }
  void setReviewerId(String reviewerId) { this.reviewerId = reviewerId; }
  public LocalDate getAssignedOn() { return assignedOn; }
  void setAssignedOn(LocalDate assignedOn) { this.assignedOn = assignedOn; }
  public String getCaseSummary() { return caseSummary; }
  public void setCaseSummary(String caseSummary) { this.caseSummary = caseSummary; }
  public LocalDate getDecidedOn() { return decidedOn; }
  public void setDecidedOn(LocalDate decidedOn) { this.decidedOn = decidedOn; }
  public LocalDate getLetterSentOn() { return letterSentOn; }
  void setLetterSentOn(LocalDate letterSentOn) { this.letterSentOn = letterSentOn; }
  public LocalDate getClosedOn() { return closedOn; }
  void setClosedOn(LocalDate closedOn) { this.closedOn = closedOn; }
  public Instant getCreatedAt() { return createdAt; }
}
