package org.imrflow.guidelines;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.guidelines.MtusTables.Citation;

/**
 * One finding and what it concludes about the request. A null verdict is a note that decides nothing
 * (e.g. that the postsurgical period has ended and the chronic pain guidelines apply).
 */
record Assessment(Verdict verdict, Finding finding) {

  static Assessment of(String rule, Citation citation, Course.Outcome outcome) {
    return of(outcome.verdict(), rule, citation, outcome.recommendedVisits(), outcome.totalVisits(), outcome.explanation());
  }

  static Assessment of(Verdict verdict, String rule, Citation citation, Integer recommendedVisits, Integer totalVisits,
      String explanation) {
    return new Assessment(verdict, new Finding(rule, citation == null ? null : citation.guideline(),
        citation == null ? null : citation.section(), citation == null ? null : citation.pages(), recommendedVisits,
        totalVisits, explanation));
  }

  /** No row of the tables is in force on the date: the rules of that time are not encoded here. */
  static Assessment noTable(String rule, String what, LocalDate asOf) {
    return of(Verdict.NEEDS_CLINICAL_JUDGEMENT, rule, null, null, null, "No " + what
        + " rule of the MTUS tables is in force on " + Labels.date(asOf)
        + ": the reviewer applies the guidelines in force then.");
  }

  static Assessment requestedMissing(String rule, Citation citation, String treatment, String unit) {
    return of(Verdict.NEEDS_CLINICAL_JUDGEMENT, rule, citation, null, null, "The number of " + treatment + " " + unit
        + " requested is not stated, and the guideline's numbers decide on it. Missing: the number of " + unit
        + " requested.");
  }

  /**
   * The request's verdict: any finding that the guideline does not support it decides (upheld either
   * way, whatever else is unknown); otherwise a missing fact leaves it to the reviewer; otherwise it is within.
   */
  static GuidelineCheck conclude(List<Assessment> assessments) {
    Verdict verdict = strongest(assessments, Verdict.NOT_RECOMMENDED, Verdict.EXCEEDS_GUIDELINE,
        Verdict.NEEDS_CLINICAL_JUDGEMENT, Verdict.WITHIN_GUIDELINE);
    return GuidelineCheck.of(verdict == null ? Verdict.NEEDS_CLINICAL_JUDGEMENT : verdict,
        assessments.stream().map(Assessment::finding).toList());
  }

  private static Verdict strongest(List<Assessment> assessments, Verdict... order) {
    for (Verdict v : order) {
      if (assessments.stream().anyMatch(a -> a.verdict() == v)) {
        return v;
      }
    }
    return null;
  }
}
