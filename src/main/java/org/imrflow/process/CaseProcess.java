package org.imrflow.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The {@code imr-case} process: its key, the ids of the elements that code and tests refer to,
 * its messages and its variables. Mirrors {@code processes/imr-case.bpmn}.
 */
public final class CaseProcess {

  public static final String KEY = "imr-case";

  /** Every flow node of the BPMN, in its order there (API.md §8 names the user tasks). */
  public enum Element {
    APPLICATION_RECEIVED("application-received"),
    SCREENING_JOIN("screening-join"),
    SCREEN_ELIGIBILITY("screen-eligibility"),
    ELIGIBLE_GATEWAY("eligible-gateway"),
    RECORD_LIABILITY_RESOLVED("record-liability-resolved"),
    SEND_INELIGIBILITY_NOTICE("send-ineligibility-notice"),
    APPLICATION_INELIGIBLE("application-ineligible"),
    START_RECORDS_CLOCK("start-records-clock"),
    NOTICE_FORK("notice-fork"),
    SEND_NOTICE_OF_ASSIGNMENT("send-notice-of-assignment"),
    NOTICE_SENT("notice-sent"),
    COLLECT_MEDICAL_RECORDS("collect-medical-records"),
    RECORDS_REQUESTED("records-requested"),
    RECORDS_DUE("records-due"),
    SEND_RECORDS_REMINDER("send-records-reminder"),
    CHASE_OVERDUE_RECORDS("chase-overdue-records"),
    RECORDS_CHASED("records-chased"),
    RECORDS_COMPLETE("records-complete"),
    RECORDS_IN("records-in"),
    START_DETERMINATION_CLOCK("start-determination-clock"),
    REVIEW("review"),
    REVIEW_STARTED("review-started"),
    GROUP_ITEMS_BY_REVIEWER("group-items-by-reviewer"),
    REVIEWERS_JOIN("reviewers-join"),
    REVIEW_BY_REVIEWER("review-by-reviewer"),
    GROUP_REVIEW_STARTED("group-review-started"),
    REVIEWER_IN_PLACE("reviewer-in-place"),
    NOTHING_TO_DECIDE("nothing-to-decide"),
    ASSIGNMENT_JOIN("assignment-join"),
    ASSIGN_REVIEWER("assign-reviewer"),
    ATTEST_NO_CONFLICT("attest-no-conflict"),
    CONFLICT_GATEWAY("conflict-gateway"),
    WRITE_CASE_SUMMARY("write-case-summary"),
    ITEMS_JOIN("items-join"),
    DECIDE_ITEMS("decide-items"),
    ITEM_STARTED("item-started"),
    CHECK_ITEM("check-item"),
    CHECK_GUIDELINES("check-guidelines"),
    DECIDE_ITEM("decide-item"),
    RECHECK_OR_DECIDED("recheck-or-decided"),
    ITEM_DECIDED("item-decided"),
    GROUP_REVIEWED("group-reviewed"),
    PICK_FOR_QUALITY_REVIEW("pick-for-quality-review"),
    QUALITY_REVIEW_GATEWAY("quality-review-gateway"),
    QUALITY_REVIEW("quality-review"),
    QA_OUTCOME_GATEWAY("qa-outcome-gateway"),
    LETTER_READY("letter-ready"),
    SEND_FINAL_LETTER("send-final-letter"),
    REVIEW_COMPLETED("review-completed"),
    DETERMINATION_AT_RISK("determination-at-risk"),
    DETERMINATION_OVERDUE("determination-overdue"),
    WARN_MANAGERS("warn-managers"),
    MANAGERS_WARNED("managers-warned"),
    RECORD_BREACH("record-breach"),
    EXPEDITE_OVERDUE_CASE("expedite-overdue-case"),
    BREACH_HANDLED("breach-handled"),
    FINAL_LETTER_SENT("final-letter-sent"),
    EXPEDITE_REVIEW("expedite-review"),
    REVIEW_EXPEDITED("review-expedited"),
    RECOMPUTE_DEADLINES("recompute-deadlines"),
    SEND_EXPEDITED_NOTICE("send-expedited-notice"),
    DEADLINES_RECOMPUTED("deadlines-recomputed"),
    END_REVIEW_EARLY("end-review-early"),
    REVIEW_ENDED("review-ended"),
    CLOSE_CASE_EARLY("close-case-early"),
    SEND_TERMINATION_NOTICE("send-termination-notice"),
    REVIEW_ENDED_EARLY("review-ended-early"),
    REVIEWER_NO_LONGER_QUALIFIED("reviewer-no-longer-qualified"),
    REVIEWER_LAPSED("reviewer-lapsed"),
    CONFLICT_FOUND_AT_ATTESTATION("conflict-found-at-attestation"),
    CONFLICT_FOUND_AT_SUMMARY("conflict-found-at-summary"),
    CONFLICT_FOUND_AT_DECISION("conflict-found-at-decision"),
    CONFLICT_FOUND_AT_QUALITY_REVIEW("conflict-found-at-quality-review");

    public final String id;

    Element(String id) {
      this.id = id;
    }
  }

  /** Message names, correlated by business key (the case number). */
  public static final String MESSAGE_RECORDS_COMPLETE = "records-complete";
  public static final String MESSAGE_REVIEW_EXPEDITED = "review-expedited";
  public static final String MESSAGE_REVIEW_ENDED = "review-ended";
  /** A panel update shows the assigned reviewer now conflicts: back to assignment at once. */
  public static final String MESSAGE_REVIEWER_CONFLICT_FOUND = "reviewer-conflict-found";

  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.of("eligible", Boolean.class);
  /** Screening: the claims administrator disputes liability and no coordinator has recorded it resolved. */
  public static final ProcessVariable<Boolean> LIABILITY_DISPUTED = ProcessVariable.of("liabilityDisputed", Boolean.class);
  /** record-liability-resolved: when the liability dispute was resolved, and how (optional). */
  public static final ProcessVariable<LocalDate> LIABILITY_RESOLVED_ON = ProcessVariable.of("liabilityResolvedOn", LocalDate.class);
  public static final ProcessVariable<String> LIABILITY_RESOLUTION = ProcessVariable.of("liabilityResolution", String.class);
  public static final ProcessVariable<Integer> ITEM_COUNT = ProcessVariable.of("itemCount", Integer.class);
  public static final ProcessVariable<Integer> ITEM_INDEX = ProcessVariable.of("itemIndex", Integer.class);
  /**
   * review-by-reviewer: one group of items per reviewer (one group unless no single eligible
   * reviewer may decide every item), and the group an instance of it reviews (local there, with the
   * group's reviewerId, itemsToDecide and re-check results).
   */
  public static final ProcessVariable<List<Integer>> REVIEW_GROUPS = ProcessVariable.indexes("reviewGroups");
  public static final ProcessVariable<Integer> REVIEW_GROUP = ProcessVariable.of("reviewGroup", Integer.class);
  /** A panel update found this reviewer in conflict while the case was in quality review. */
  public static final ProcessVariable<String> CONFLICTED_REVIEWER_ID = ProcessVariable.of("conflictedReviewerId", String.class);
  public static final ProcessVariable<Integer> LOOP_COUNTER = ProcessVariable.of("loopCounter", Integer.class);

  /**
   * Due date of the review's user tasks, the end of the determination's last day. (The deadline
   * timers' dates are the case's own, deadlines.TimerDates, not variables.)
   */
  public static final ProcessVariable<Date> DETERMINATION_DUE_AT = ProcessVariable.of("determinationDueAt", Date.class);

  /**
   * Completion variables of the user tasks (API.md §8), typed as they are once the task's guard
   * accepted them; a guard reads what the client sent with {@link ProcessVariable#raw}.
   */
  public static final ProcessVariable<String> REVIEWER_ID = ProcessVariable.of("reviewerId", String.class);
  public static final ProcessVariable<Boolean> NO_CONFLICT = ProcessVariable.of("noConflict", Boolean.class);
  /** The assigned reviewer re-screened at attestation and at each decision (reviewers.ReviewerStanding). */
  public static final ProcessVariable<Boolean> REVIEWER_QUALIFIED = ProcessVariable.of("reviewerQualified", Boolean.class);
  public static final ProcessVariable<String> REVIEWER_STANDING = ProcessVariable.of("reviewerStanding", String.class);
  public static final ProcessVariable<String> DECLARED_CONFLICT = ProcessVariable.of("declaredConflict", String.class);
  public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.of("caseSummary", String.class);
  public static final ProcessVariable<String> DETERMINATION = ProcessVariable.of("determination", String.class);
  public static final ProcessVariable<String> IMRO_GUIDELINE = ProcessVariable.of("imroGuideline", String.class);
  public static final ProcessVariable<String> RATIONALE = ProcessVariable.of("rationale", String.class);
  /** decide-item: the facts the reviewer states, and "re-check on these facts" instead of deciding. */
  public static final ProcessVariable<String> CLINICAL_FACTS = ProcessVariable.of("clinicalFacts", String.class);
  public static final ProcessVariable<Boolean> RECHECK = ProcessVariable.of("recheck", Boolean.class);
  /** The item's answer to "re-check?", read by the gateway after decide-item: true returns to the check. */
  public static final ProcessVariable<Boolean> ITEM_RECHECK = ProcessVariable.of("itemRecheck", Boolean.class);
  /** expedite-overdue-case: what the manager did about the breach. */
  public static final ProcessVariable<String> ACTION_TAKEN = ProcessVariable.of("actionTaken", String.class);

  /** The items that decide-items opens a task for: all at first, those a quality review returned after. */
  public static final ProcessVariable<List<Integer>> ITEMS_TO_DECIDE = ProcessVariable.indexes("itemsToDecide");

  /** Quality review (API.md §8): the sampling table's inputs and answer, and the quality reviewer's completion. */
  public static final ProcessVariable<Boolean> ANY_OVERTURNED = ProcessVariable.of("anyOverturned", Boolean.class);
  public static final ProcessVariable<Boolean> EXPEDITED = ProcessVariable.of("expedited", Boolean.class);
  public static final ProcessVariable<Integer> REVIEWER_CASES_BEFORE = ProcessVariable.of("reviewerCasesBefore", Integer.class);
  public static final ProcessVariable<Integer> SAMPLE_DRAW = ProcessVariable.of("sampleDraw", Integer.class);
  public static final ProcessVariable<Map<String, Object>> QA_SAMPLING = ProcessVariable.map("qaSampling");
  public static final ProcessVariable<Boolean> QUALITY_REVIEW = ProcessVariable.of("qualityReview", Boolean.class);
  public static final ProcessVariable<Integer> QA_SAMPLE_DRAW = ProcessVariable.of("qaSampleDraw", Integer.class);
  public static final ProcessVariable<String> QA_OUTCOME = ProcessVariable.of("qaOutcome", String.class);
  public static final ProcessVariable<String> QA_COMMENTS = ProcessVariable.of("qaComments", String.class);
  public static final ProcessVariable<List<Integer>> QA_RETURNED_ITEMS = ProcessVariable.listOf("qaReturnedItems", Integer.class);

  /** What the tasks' forms show (task-local): the case file, the screening, the checks, the draft. */
  public static final ProcessVariable<String> CASE_FILE = ProcessVariable.of("caseFile", String.class);
  public static final ProcessVariable<String> CASE_FILE_DOCUMENTS = ProcessVariable.of("caseFileDocuments", String.class);
  public static final ProcessVariable<SpinJsonNode> REVIEWER_OPTIONS = ProcessVariable.json("reviewerOptions");
  public static final ProcessVariable<String> SCREENING_SUMMARY = ProcessVariable.of("screeningSummary", String.class);
  public static final ProcessVariable<SpinJsonNode> DRAFT_LETTER = ProcessVariable.json("draftLetter");
  public static final ProcessVariable<String> QA_CHECKS = ProcessVariable.of("qaChecks", String.class);
  public static final ProcessVariable<Boolean> QA_CHECKS_PASSED = ProcessVariable.of("qaChecksPassed", Boolean.class);
  public static final ProcessVariable<Integer> QA_CHECKS_FAILED = ProcessVariable.of("qaChecksFailed", Integer.class);
  public static final ProcessVariable<SpinJsonNode> QA_ITEM_OPTIONS = ProcessVariable.json("qaItemOptions");
  /** decide-item's view of the guideline check, in the order the form shows them. */
  public static final ProcessVariable<String> ITEM_DESCRIPTION = ProcessVariable.of("itemDescription", String.class);
  public static final ProcessVariable<String> ITEM_FACTS = ProcessVariable.of("itemFacts", String.class);
  public static final ProcessVariable<String> GUIDELINE_VERDICT = ProcessVariable.of("guidelineVerdict", String.class);
  public static final ProcessVariable<String> SUGGESTED_DETERMINATION = ProcessVariable.of("suggestedDetermination", String.class);
  public static final ProcessVariable<String> GUIDELINE_FINDINGS = ProcessVariable.of("guidelineFindings", String.class);
  public static final ProcessVariable<String> MISSING_FACTS = ProcessVariable.of("missingFacts", String.class);
  public static final ProcessVariable<String> SUGGESTED_GUIDELINE = ProcessVariable.of("suggestedGuideline", String.class);
  public static final ProcessVariable<String> RATIONALE_DRAFT = ProcessVariable.of("rationaleDraft", String.class);
  /** expedite-overdue-case: the deadline that was missed. */
  public static final ProcessVariable<LocalDate> BREACHED_DEADLINE = ProcessVariable.of("breachedDeadline", LocalDate.class);

  /** Every item of a case, 0-based: what decide-items opens tasks for the first time. */
  public static List<Integer> allItems(int count) {
    return IntStream.range(0, count).boxed().collect(Collectors.toCollection(ArrayList::new));
  }

  /** Message payloads: why and when a review ended, when a physician certified an expedited review. */
  public static final ProcessVariable<String> END_REASON = ProcessVariable.of("endReason", String.class);
  public static final ProcessVariable<LocalDate> ENDED_ON = ProcessVariable.of("endedOn", LocalDate.class);
  public static final ProcessVariable<LocalDate> CERTIFIED_ON = ProcessVariable.of("certifiedOn", LocalDate.class);

  private CaseProcess() {
  }
}
