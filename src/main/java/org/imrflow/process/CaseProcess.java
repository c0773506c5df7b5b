package org.imrflow.process;

import java.util.Date;

/**
 * The {@code imr-case} process: its key, the ids of the elements that code and tests refer to,
 * its messages and its variables. Mirrors {@code processes/imr-case.bpmn}.
 */
public final class CaseProcess {

  public static final String KEY = "imr-case";

  /** Elements named in the BPMN (API.md §8 and the deadline paths). */
  public enum Element {
    APPLICATION_RECEIVED("application-received"),
    SCREEN_ELIGIBILITY("screen-eligibility"),
    SEND_INELIGIBILITY_NOTICE("send-ineligibility-notice"),
    APPLICATION_INELIGIBLE("application-ineligible"),
    SEND_NOTICE_OF_ASSIGNMENT("send-notice-of-assignment"),
    COLLECT_MEDICAL_RECORDS("collect-medical-records"),
    RECORDS_DUE("records-due"),
    SEND_RECORDS_REMINDER("send-records-reminder"),
    CHASE_OVERDUE_RECORDS("chase-overdue-records"),
    RECORDS_COMPLETE("records-complete"),
    START_DETERMINATION_CLOCK("start-determination-clock"),
    REVIEW("review"),
    ASSIGN_REVIEWER("assign-reviewer"),
    ATTEST_NO_CONFLICT("attest-no-conflict"),
    WRITE_CASE_SUMMARY("write-case-summary"),
    DECIDE_ITEMS("decide-items"),
    CHECK_GUIDELINES("check-guidelines"),
    DECIDE_ITEM("decide-item"),
    SEND_FINAL_LETTER("send-final-letter"),
    DETERMINATION_AT_RISK("determination-at-risk"),
    WARN_MANAGERS("warn-managers"),
    DETERMINATION_OVERDUE("determination-overdue"),
    RECORD_BREACH("record-breach"),
    EXPEDITE_OVERDUE_CASE("expedite-overdue-case"),
    FINAL_LETTER_SENT("final-letter-sent"),
    RECOMPUTE_DEADLINES("recompute-deadlines"),
    SEND_TERMINATION_NOTICE("send-termination-notice"),
    REVIEW_ENDED_EARLY("review-ended-early");

    public final String id;

    Element(String id) {
      this.id = id;
    }
  }

  /** Message names, correlated by business key (the case number). */
  public static final String MESSAGE_RECORDS_COMPLETE = "records-complete";
  public static final String MESSAGE_REVIEW_EXPEDITED = "review-expedited";
  public static final String MESSAGE_REVIEW_ENDED = "review-ended";

  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.of("caseNumber", String.class);
  public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.of("eligible", Boolean.class);
  public static final ProcessVariable<Integer> ITEM_COUNT = ProcessVariable.of("itemCount", Integer.class);
  public static final ProcessVariable<Integer> ITEM_INDEX = ProcessVariable.of("itemIndex", Integer.class);
  public static final ProcessVariable<Integer> LOOP_COUNTER = ProcessVariable.of("loopCounter", Integer.class);

  /** Timer dates: when records are overdue, when the determination is at risk and overdue. */
  public static final ProcessVariable<Date> RECORDS_OVERDUE_AT = ProcessVariable.of("recordsOverdueAt", Date.class);
  public static final ProcessVariable<Date> DETERMINATION_AT_RISK_AT = ProcessVariable.of("determinationAtRiskAt", Date.class);
  public static final ProcessVariable<Date> DETERMINATION_OVERDUE_AT = ProcessVariable.of("determinationOverdueAt", Date.class);
  /** Due date of the review's user tasks, the end of the determination's last day. */
  public static final ProcessVariable<Date> DETERMINATION_DUE_AT = ProcessVariable.of("determinationDueAt", Date.class);

  /** Completion variables of the user tasks (API.md §8). */
  public static final ProcessVariable<String> REVIEWER_ID = ProcessVariable.of("reviewerId", String.class);
  public static final ProcessVariable<Object> NO_CONFLICT = ProcessVariable.of("noConflict", Object.class);
  public static final ProcessVariable<String> DECLARED_CONFLICT = ProcessVariable.of("declaredConflict", String.class);
  public static final ProcessVariable<Object> CASE_SUMMARY = ProcessVariable.of("caseSummary", Object.class);
  public static final ProcessVariable<Object> DETERMINATION = ProcessVariable.of("determination", Object.class);
  public static final ProcessVariable<Object> IMRO_GUIDELINE = ProcessVariable.of("imroGuideline", Object.class);
  public static final ProcessVariable<Object> RATIONALE = ProcessVariable.of("rationale", Object.class);

  /** Message payloads. */
  public static final ProcessVariable<String> END_REASON = ProcessVariable.of("endReason", String.class);

  private CaseProcess() {
  }
}
