package org.imrflow.guidelines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imrflow.guidelines.MtusTables.Citation;

/**
 * One finding and what it concludes about the request, with the facts whose absence kept it from
 * deciding (names as in {@link Fact}). A null verdict is a note that decides nothing (e.g. that the
 * postsurgical period has ended and the chronic pain guidelines apply).
 */
record Assessment(Verdict verdict, Finding finding, List<String> missing) {

  /**
   * The therapy checks name what is missing in their sentences ("Missing: the date of injury."); these
   * are the API's names for those facts, so that their answers carry missingFacts as well.
   */
  private static final Map<String, String> THERAPY_MISSING = Map.of(
      "already completed or authorized", "completedVisits",
      "functional improvement", "functionalImprovementDocumented",
      "requested", "requestedVisits",
      "the condition treated", "condition",
      "the surgery and its date", "surgery",
      "the date of surgery", "surgery.date",
      "the date of injury", "dateOfInjury",
      "the body region treated", "bodyRegions",
      "the date of the request", "asOf");

  static Assessment of(String rule, Citation citation, Course.Outcome outcome) {
    return of(outcome.verdict(), rule, citation, outcome.recommendedVisits(), outcome.totalVisits(), outcome.explanation());
  }

  static Assessment of(Verdict verdict, String rule, Citation citation, Integer recommendedVisits, Integer totalVisits,
      String explanation) {
    return new Assessment(verdict, new Finding(rule, citation == null ? null : citation.guideline(),
        citation == null ? null : citation.section(), citation == null ? null : citation.pages(), recommendedVisits,
        totalVisits, explanation), verdict == Verdict.NEEDS_CLINICAL_JUDGEMENT ? therapyMissing(explanation) : List.of());
  }

  private static List<String> therapyMissing(String explanation) {
    int at = explanation.lastIndexOf("Missing:");
    if (at < 0) {
      return List.of();
    }
    String said = explanation.substring(at);
    List<String> names = new ArrayList<>();
    THERAPY_MISSING.forEach((phrase, name) -> {
      if (said.contains(phrase)) {
        names.add(name);
      }
    });
    // "the number of visits requested" and "functional improvement from the completed visits" overlap.
    if (names.contains("functionalImprovementDocumented") || names.contains("completedVisits")) {
      names.remove("requestedVisits");
    }
    if (names.contains("surgery.date")) {
      names.remove("surgery");
    }
    return names.stream().sorted().toList();
  }

  /** The guideline supports the request on these facts. */
  static Assessment within(String rule, Citation citation, String explanation) {
    return of(Verdict.WITHIN_GUIDELINE, rule, citation, null, null, explanation);
  }

  static Assessment notRecommended(String rule, Citation citation, String explanation) {
    return of(Verdict.NOT_RECOMMENDED, rule, citation, null, null, explanation);
  }

  static Assessment exceeds(String rule, Citation citation, String explanation) {
    return of(Verdict.EXCEEDS_GUIDELINE, rule, citation, null, null, explanation);
  }

  /** The facts named decide the request and are not documented: the explanation ends with them. */
  static Assessment missing(String rule, Citation citation, String explanation, Fact... facts) {
    String names = String.join("; ", Arrays.stream(facts).map(f -> f.name() + " (" + f.meaning + ")").toList());
    return new Assessment(Verdict.NEEDS_CLINICAL_JUDGEMENT, new Finding(rule, citation == null ? null
        : citation.guideline(), citation == null ? null : citation.section(), null, null, null,
        explanation + " Missing: " + names + "."), Arrays.stream(facts).map(Fact::name).toList());
  }

  /** No criterion decides it mechanically: the reviewer judges, citing the guideline. */
  static Assessment judgement(String rule, Citation citation, String explanation) {
    return of(Verdict.NEEDS_CLINICAL_JUDGEMENT, rule, citation, null, null, explanation);
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
    Verdict concluded = verdict == null ? Verdict.NEEDS_CLINICAL_JUDGEMENT : verdict;
    Set<String> missing = new LinkedHashSet<>();
    if (concluded == Verdict.NEEDS_CLINICAL_JUDGEMENT) {
      assessments.stream().filter(a -> a.verdict() == Verdict.NEEDS_CLINICAL_JUDGEMENT)
          .forEach(a -> missing.addAll(a.missing()));
    }
    return new GuidelineCheck(concluded, concluded.suggests(), assessments.stream().map(Assessment::finding).toList(),
        null, List.copyOf(missing));
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
