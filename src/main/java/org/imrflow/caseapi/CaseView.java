package org.imrflow.caseapi;

import org.imrflow.cases.Determination;
import org.imrflow.cases.CaseStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.imrflow.deadlines.Sla;
import org.imrflow.guidelines.GuidelineCheck;

/** A case as {@code GET /api/cases/{caseNumber}} answers it (API.md §5). */
public record CaseView(
    String caseNumber,
    CaseStatus status,
    boolean expedited,
    Eligibility eligibility,
    Deadlines deadlines,
    Sla sla,
    Reviewer reviewer,
    List<Item> items,
    Letter letter,
    LocalDate applicationReceivedOn,
    String processInstanceId,
    @io.swagger.v3.oas.annotations.media.Schema(description = "Why the review is DEFERRED (the claims administrator"
        + " disputes liability); null otherwise")
    String deferredBecause,
    @io.swagger.v3.oas.annotations.media.Schema(description = "Who reviews which items: one group of every item,"
        + " unless no single eligible reviewer may decide them all (then one group per reviewer, each with its own"
        + " assignment task); reviewer is null while a group waits for assignment (additive)")
    List<ReviewGroup> reviewGroups) {

  /** {@code items}: indexes into {@code items}, from 0. */
  public record ReviewGroup(List<Integer> items, Reviewer reviewer) {
  }

  public record Eligibility(boolean eligible, List<String> reasons) {
  }

  /**
   * {@code noticeOfAssignmentDue}: 1 business day after the case was found eligible (8 CCR 9792.10.4),
   * {@code noticeOfAssignmentSentOn}: the day it went out to every party (additive; null before).
   */
  public record Deadlines(LocalDate recordsDue, LocalDate determinationDue,
      @io.swagger.v3.oas.annotations.media.Schema(description = "The notice of assignment (NOARFI) is due on this"
          + " day: 1 business day of the California calendar after the case was found eligible (8 CCR 9792.10.4);"
          + " null when no notice is due (ineligible, deferred) or for a case of an earlier version")
      LocalDate noticeOfAssignmentDue,
      @io.swagger.v3.oas.annotations.media.Schema(description = "The day the notice of assignment went out to every"
          + " party; after noticeOfAssignmentDue when it was late (the audit trail then says"
          + " NOTICE_OF_ASSIGNMENT_LATE); null before")
      LocalDate noticeOfAssignmentSentOn) {
  }

  public record Reviewer(String userId, String name, String qualifications) {
  }

  /** {@code facts}: the clinical facts the reviewer stated for the guideline check (additive; empty when none). */
  public record Item(String description, GuidelineCheck guidelineCheck, Determination determination,
      String imroGuideline, String rationale, Map<String, Object> facts) {
  }

  public record Letter(LocalDate sentOn, List<String> recipients) {
  }
}
