package org.imrflow.guidelines;

/**
 * A course of visits as a guideline describes it (a trial before reassessment, a total) and the
 * reasoning reviewers apply to it (DOMAIN.md §4): visits already completed or authorized count; a
 * first course may not be larger than the trial; going beyond the trial needs documented objective
 * functional improvement; nothing goes beyond the total. A fact that is missing is named, unless the
 * facts present decide the request whatever it is.
 *
 * @param treatment what is counted, for sentences ("physical therapy")
 * @param unit "visits" or "treatments"
 * @param trial visits before reassessment, or null where the guideline states none
 * @param trialPhrase the trial as a sentence names it ("the 6-visit clinical trial")
 * @param total the most visits the guideline recommends, or null where it states none
 * @param totalPhrase the total as a sentence names it ("9-10 visits over 8 weeks for myalgia and myositis")
 * @param extendsWithImprovement with documented improvement the guideline sets no total (acupuncture)
 * @param noTotal why there is no total, where the guideline states none ("the guideline gives ...")
 * @param missingForTotal the fact the total depends on, where it is missing ("the condition treated")
 */
record Course(String treatment, String unit, Integer trial, String trialPhrase, Integer total, String totalPhrase,
    boolean extendsWithImprovement, String noTotal, String missingForTotal) {

  /** What a course concludes about one request, before it is cited. */
  record Outcome(Verdict verdict, Integer recommendedVisits, Integer totalVisits, String explanation) {
  }

  Outcome assess(int requested, Integer completed, Boolean improvementDocumented) {
    return completed == null
        ? withoutCompleted(requested, improvementDocumented)
        : withCompleted(requested, completed, improvementDocumented);
  }

  private Outcome withCompleted(int requested, int completed, Boolean improved) {
    int sum = requested + completed;
    String arithmetic = requested + " requested + " + completed + " completed = " + sum + " " + unit;
    if (total != null && sum > total) {
      return new Outcome(Verdict.EXCEEDS_GUIDELINE, total, sum, arithmetic + "; the guideline recommends " + totalPhrase + ".");
    }
    if (trial == null) {
      return total != null
          ? new Outcome(Verdict.WITHIN_GUIDELINE, total, sum, arithmetic + "; the guideline recommends " + totalPhrase + ".")
          : unknownTotal(arithmetic, sum);
    }
    if (sum <= trial) {
      return new Outcome(Verdict.WITHIN_GUIDELINE, trial, sum, arithmetic + ", within " + trialPhrase
          + (total == null ? "" : "; the guideline recommends " + totalPhrase) + ".");
    }
    if (completed == 0) {
      return new Outcome(Verdict.EXCEEDS_GUIDELINE, trial, sum, requested + " " + unit
          + " requested as a first course, more than " + trialPhrase
          + "; the guideline recommends more only after documented objective functional improvement"
          + (total == null ? "" : ", within " + totalPhrase) + ".");
    }
    if (Boolean.FALSE.equals(improved)) {
      return new Outcome(Verdict.EXCEEDS_GUIDELINE, trial, sum, arithmetic + ", beyond " + trialPhrase
          + ", and no objective functional improvement from the " + completed
          + " completed is documented; the guideline recommends more only with documented improvement.");
    }
    if (improved == null) {
      return new Outcome(Verdict.NEEDS_CLINICAL_JUDGEMENT, trial, sum, arithmetic + ", beyond " + trialPhrase
          + "; whether the " + completed + " completed brought objective functional improvement is not stated, and the"
          + " guideline recommends more only with documented improvement. Missing: whether functional improvement"
          + " from the completed " + unit + " is documented.");
    }
    if (total != null) {
      return new Outcome(Verdict.WITHIN_GUIDELINE, total, sum, arithmetic + ", with documented functional improvement after "
          + trialPhrase + "; the guideline recommends " + totalPhrase + ".");
    }
    if (extendsWithImprovement) {
      return new Outcome(Verdict.WITHIN_GUIDELINE, trial, sum, arithmetic
          + "; with documented functional improvement the guideline allows extending " + treatment + " beyond "
          + trialPhrase + ".");
    }
    return unknownTotal(arithmetic + ", with documented functional improvement after " + trialPhrase, sum);
  }

  private Outcome withoutCompleted(int requested, Boolean improved) {
    if (total != null && requested > total) {
      return new Outcome(Verdict.EXCEEDS_GUIDELINE, total, null, requested + " " + unit
          + " requested, before counting any already given, are more than the guideline recommends: " + totalPhrase + ".");
    }
    if (trial == null && total == null) {
      return unknownTotal(requested + " " + unit + " requested", null);
    }
    if (trial != null && requested > trial && Boolean.FALSE.equals(improved)) {
      return new Outcome(Verdict.EXCEEDS_GUIDELINE, trial, null, requested + " " + unit + " requested are more than "
          + trialPhrase + ", and no objective functional improvement from earlier " + treatment + " is documented: as a"
          + " first course the request exceeds the trial, and as a continuation it lacks the documented improvement the"
          + " guideline requires.");
    }
    if (trial != null && requested <= trial && Boolean.TRUE.equals(improved) && extendsWithImprovement) {
      return new Outcome(Verdict.WITHIN_GUIDELINE, trial, null, requested + " " + unit + " requested fit " + trialPhrase
          + " as a first course, and with the documented functional improvement the guideline allows extending "
          + treatment + " after earlier " + unit + ".");
    }
    String missing = "the number of " + treatment + " " + unit + " already completed or authorized";
    String why;
    if (trial != null && requested <= trial) {
      why = requested + " requested fit " + trialPhrase + " only as a first course; after earlier " + unit
          + " more need documented functional improvement";
    } else if (trial != null) {
      why = requested + " requested are more than " + trialPhrase + " for a first course, and could follow earlier "
          + unit + " only with documented functional improvement" + (total == null ? "" : ", within " + totalPhrase);
    } else {
      why = requested + " requested are within " + totalPhrase + " only if no more than " + (total - requested)
          + " were given before";
    }
    return new Outcome(Verdict.NEEDS_CLINICAL_JUDGEMENT, trial != null ? trial : total, null,
        "T" + missing.substring(1) + " is not stated, and it decides the request: " + why + ". Missing: " + missing + ".");
  }

  private Outcome unknownTotal(String said, Integer sum) {
    if (missingForTotal != null) {
      return new Outcome(Verdict.NEEDS_CLINICAL_JUDGEMENT, trial, sum, said + "; how many " + unit
          + " the guideline recommends depends on " + missingForTotal + ", which is not stated. Missing: "
          + missingForTotal + ".");
    }
    return new Outcome(Verdict.NEEDS_CLINICAL_JUDGEMENT, trial, sum, said + "; " + noTotal
        + ": the reviewer judges how many are needed.");
  }
}
