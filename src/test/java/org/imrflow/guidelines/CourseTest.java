package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import org.imrflow.guidelines.Course.Outcome;
import org.junit.jupiter.api.Test;

/** The reasoning around a trial and a total, at each boundary, on a course of 6-visit trial and 10 in all. */
class CourseTest {

  private static final Course TRIAL_AND_TOTAL = new Course("physical therapy", "visits", 6, "the 6-visit clinical trial",
      10, "9-10 visits over 8 weeks for myalgia and myositis", false, "no total", null);
  private static final Course TOTAL_ONLY = new Course("massage", "visits", null, null, 10, "10 visits", false, null, null);
  private static final Course OPEN_WITH_IMPROVEMENT = new Course("acupuncture", "treatments", 6, "the 3-6 treatment trial",
      null, null, true, null, null);
  private static final Course UNKNOWN_TOTAL = new Course("physical therapy", "visits", 6, "the 6-visit clinical trial",
      null, null, false, "the guideline gives no numbers for this condition", null);
  private static final Course TOTAL_NEEDS_A_FACT = new Course("physical therapy", "visits", null, null, null, null, false,
      null, "the condition treated");

  @Test
  void aFirstCourseMayFillTheTrialButNotOneVisitMore() {
    assertThat(TRIAL_AND_TOTAL.assess(6, 0, null))
        .isEqualTo(new Outcome(Verdict.WITHIN_GUIDELINE, 6, 6, "6 requested + 0 completed = 6 visits, within the"
            + " 6-visit clinical trial; the guideline recommends 9-10 visits over 8 weeks for myalgia and myositis."));
    Outcome seven = TRIAL_AND_TOTAL.assess(7, 0, null);
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.explanation()).startsWith("7 visits requested as a first course, more than the 6-visit clinical trial");
  }

  @Test
  void afterTheTrialMoreNeedsDocumentedImprovement() {
    assertThat(TRIAL_AND_TOTAL.assess(2, 4, null).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(TRIAL_AND_TOTAL.assess(3, 4, false).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(TRIAL_AND_TOTAL.assess(3, 4, true).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    Outcome unknown = TRIAL_AND_TOTAL.assess(3, 4, null);
    assertThat(unknown.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(unknown.explanation()).contains("Missing: whether functional improvement from the completed visits is documented");
  }

  @Test
  void withImprovementTheTotalIsTheLimitAndOneOverExceedsIt() {
    assertThat(TRIAL_AND_TOTAL.assess(4, 6, true))
        .isEqualTo(new Outcome(Verdict.WITHIN_GUIDELINE, 10, 10, "4 requested + 6 completed = 10 visits, with documented"
            + " functional improvement after the 6-visit clinical trial; the guideline recommends 9-10 visits over 8"
            + " weeks for myalgia and myositis."));
    assertThat(TRIAL_AND_TOTAL.assess(5, 6, true))
        .isEqualTo(new Outcome(Verdict.EXCEEDS_GUIDELINE, 10, 11, "5 requested + 6 completed = 11 visits; the guideline"
            + " recommends 9-10 visits over 8 weeks for myalgia and myositis."));
  }

  @Test
  void withoutTheCompletedVisitsOnlyWhatTheRequestAloneDecidesIsDecided() {
    assertThat(TRIAL_AND_TOTAL.assess(11, null, null).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(TRIAL_AND_TOTAL.assess(10, null, true).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(TRIAL_AND_TOTAL.assess(7, null, false).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(TRIAL_AND_TOTAL.assess(7, null, null).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    Outcome six = TRIAL_AND_TOTAL.assess(6, null, false);
    assertThat(six.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(six.totalVisits()).isNull();
    assertThat(six.explanation())
        .contains("Missing: the number of physical therapy visits already completed or authorized.");
  }

  @Test
  void withoutATrialTheTotalAloneDecides() {
    assertThat(TOTAL_ONLY.assess(10, 0, null).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(TOTAL_ONLY.assess(11, 0, null).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(TOTAL_ONLY.assess(5, 5, false).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(TOTAL_ONLY.assess(6, 5, true).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(TOTAL_ONLY.assess(4, null, null).explanation()).contains("only if no more than 6 were given before");
  }

  @Test
  void aGuidelineThatExtendsWithImprovementHasNoTotal() {
    assertThat(OPEN_WITH_IMPROVEMENT.assess(20, 6, true).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(OPEN_WITH_IMPROVEMENT.assess(1, 6, false).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(OPEN_WITH_IMPROVEMENT.assess(6, null, true).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(OPEN_WITH_IMPROVEMENT.assess(7, null, true).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
  }

  @Test
  void whereTheGuidelineStatesNoTotalTheReviewerJudgesBeyondTheTrial() {
    assertThat(UNKNOWN_TOTAL.assess(6, 0, null).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    Outcome beyond = UNKNOWN_TOTAL.assess(4, 6, true);
    assertThat(beyond.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(beyond.explanation()).endsWith("the guideline gives no numbers for this condition: the reviewer judges"
        + " how many are needed.");
    assertThat(UNKNOWN_TOTAL.assess(4, 6, false).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
  }

  @Test
  void aTotalThatDependsOnAMissingFactNamesIt() {
    Outcome outcome = TOTAL_NEEDS_A_FACT.assess(8, 0, null);

    assertThat(outcome.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(outcome.explanation()).isEqualTo("8 requested + 0 completed = 8 visits; how many visits the guideline"
        + " recommends depends on the condition treated, which is not stated. Missing: the condition treated.");
  }
}
