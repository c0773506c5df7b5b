package org.imrflow.guidelines;

import java.util.Locale;
import org.imrflow.cases.DisputedItem.BodyRegion;

/**
 * Electrodiagnostics, injections and surgery (DOMAIN.md §4b): criteria the letters quote from the
 * ACOEM chapters, the CPMTG and ODG, with the numbers in {@code mtus-criteria-numbers}.
 */
final class ProcedureChecks {

  private final GuidelineTopics topics;

  ProcedureChecks(GuidelineTopics topics) {
    this.topics = topics;
  }

  Assessment electrodiagnostics(ItemContext c) {
    if (c.topic().topic().equals("EEG")) {
      Boolean failed = c.bool(Fact.conservativeCareFailed);
      if (failed == null) {
        return c.missing("An EEG is supported only after failure to improve, or deterioration, after stabilisation.",
            Fact.conservativeCareFailed);
      }
      return failed ? c.within("No improvement (or deterioration) after stabilisation: an EEG is supported.")
          : c.notRecommended("The condition is improving: an EEG is supported only after failure to improve.");
    }
    return c.topic().topic().equals("EDX_LOWER") ? lowerLimb(c) : upperLimb(c);
  }

  private Assessment lowerLimb(ItemContext c) {
    String text = c.item().description().toLowerCase(Locale.ROOT);
    if (text.contains("ncs") || text.contains("ncv") || text.contains("nerve conduction")) {
      return c.notRecommended("Nerve conduction studies of the lower limbs are not recommended (ODG); the request"
          + " includes them, so as requested it is not supported.");
    }
    if (Boolean.TRUE.equals(c.bool(Fact.radiculopathyObvious))) {
      return c.notRecommended("Radiculopathy is already clinically obvious: needle EMG adds nothing.");
    }
    int minWeeks = topics.value("EDX_LOWER_MIN_CONSERVATIVE_WEEKS");
    Integer weeks = c.number(Fact.conservativeCareWeeks);
    if (weeks != null && weeks < minWeeks) {
      return c.notRecommended(weeks + " weeks of conservative care: needle EMG is supported after " + minWeeks + ".");
    }
    if (weeks == null || c.bool(Fact.radiculopathyObvious) == null) {
      return c.missing("Needle EMG is supported after " + minWeeks + " weeks of conservative care when radiculopathy"
          + " is not obvious.", weeks == null ? Fact.conservativeCareWeeks : Fact.radiculopathyObvious);
    }
    return c.within(weeks + " weeks of conservative care and radiculopathy not obvious: needle EMG is supported.");
  }

  private Assessment upperLimb(ItemContext c) {
    int minWeeks = topics.value("EDX_MIN_SYMPTOM_WEEKS");
    Integer weeks = c.number(Fact.symptomWeeks);
    if (weeks != null && weeks <= minWeeks) {
      return c.notRecommended("Symptoms for " + weeks + " weeks: the guideline supports EMG/NCV for symptoms lasting"
          + " more than " + minWeeks + " weeks.");
    }
    Boolean paresthesias = c.bool(Fact.paresthesias);
    Boolean deficit = c.bool(Fact.objectiveNeuroDeficit);
    if (Boolean.FALSE.equals(paresthesias) && Boolean.FALSE.equals(deficit)) {
      return c.notRecommended("No paresthesias and no neurologic deficit: there is no focal nerve dysfunction for the"
          + " study to localise" + (c.regionIs(BodyRegion.SHOULDER) ? ", and it is not for usual shoulder diagnoses."
          : "."));
    }
    if (weeks == null) {
      return c.missing("EMG/NCV is supported for focal nerve dysfunction lasting more than " + minWeeks + " weeks.",
          Fact.symptomWeeks);
    }
    if (Boolean.TRUE.equals(paresthesias) || Boolean.TRUE.equals(deficit)) {
      return c.within("Paresthesias or a neurologic deficit for " + weeks + " weeks: the study can localise"
          + " entrapment or radiculopathy, as the guideline supports.");
    }
    return c.missing("EMG/NCV localises focal nerve dysfunction.", Fact.paresthesias);
  }

  Assessment injection(ItemContext c) {
    switch (c.topic().topic()) {
      case "EPIDURAL_STEROID_INJECTION" -> {
        Boolean exam = c.bool(Fact.radiculopathyOnExam);
        Boolean corroborated = c.bool(Fact.corroboratedByImaging);
        Boolean failed = c.bool(Fact.conservativeCareFailed);
        if (Boolean.FALSE.equals(exam)) {
          return c.notRecommended("No radiculopathy on examination: epidural steroids are for radicular pain.");
        }
        if (Boolean.FALSE.equals(corroborated)) {
          return c.notRecommended("The radiculopathy is not corroborated by imaging or electrodiagnostics at the"
              + " level injected.");
        }
        if (Boolean.FALSE.equals(failed)) {
          return c.notRecommended("Conservative care (exercise, NSAIDs, muscle relaxants) has not failed.");
        }
        if (exam == null || corroborated == null || failed == null) {
          return c.missing("An epidural steroid injection needs radiculopathy on examination, corroborated at the"
              + " level, after failed conservative care.", exam == null ? Fact.radiculopathyOnExam
              : corroborated == null ? Fact.corroboratedByImaging : Fact.conservativeCareFailed);
        }
        return c.within("Radiculopathy on examination, corroborated at the level, after failed conservative care.");
      }
      case "FACET_INJECTION" -> {
        if (Boolean.TRUE.equals(c.bool(Fact.radiculopathyOnExam))) {
          return c.notRecommended("Facet injections are not recommended with radicular pain.");
        }
        int max = topics.value("FACET_MAX_SETS");
        Integer prior = c.number(Fact.priorSameInjections);
        if (prior != null && prior >= max) {
          return c.notRecommended(prior + " facet injection set(s) already given: at most " + max
              + " therapeutic set is recommended.");
        }
        return c.judgement("Facet injections are not recommended in the acute low back chapter (Table 12-8) and"
            + " limited to one therapeutic set in the CPMTG.");
      }
      default -> {
        return c.judgement("No letter disputed this kind of injection.");
      }
    }
  }

  Assessment surgery(ItemContext c) {
    String topic = c.topic().topic();
    if (topic.equals("SURGERY_OTHER")) {
      return c.judgement("Surgery of this region has no criterion in the letters.");
    }
    Boolean lesion = c.bool(Fact.imagingConfirmsLesion);
    if (Boolean.FALSE.equals(lesion)) {
      return c.notRecommended("Imaging does not show a lesion that surgery would treat: the guideline needs clear"
          + " clinical and imaging evidence.");
    }
    if (topic.equals("SURGERY_ROTATOR_CUFF") && Boolean.TRUE.equals(c.bool(Fact.fullThicknessTear))) {
      return c.within("A full-thickness rotator cuff tear on imaging: repair need not wait for conservative care.");
    }
    String months = topic.equals("SURGERY_KNEE") ? "SURGERY_KNEE_MIN_MONTHS"
        : topic.equals("SURGERY_ROTATOR_CUFF") ? "SURGERY_ROTATOR_CUFF_MIN_MONTHS" : "SURGERY_SHOULDER_MIN_MONTHS";
    int min = topics.value(months);
    Integer limited = c.number(Fact.activityLimitationMonths);
    Boolean failed = c.bool(Fact.conservativeCareFailed);
    if (Boolean.FALSE.equals(failed)) {
      return c.notRecommended("Conservative care has not failed: the guideline supports surgery after it.");
    }
    if (limited != null && limited < min) {
      return c.notRecommended("Activity limited for " + limited + " months: the guideline considers surgery after"
          + " more than " + (topic.equals("SURGERY_ROTATOR_CUFF") ? min + " months of conservative care for a"
          + " partial tear" : min + " months") + ".");
    }
    if (limited == null || failed == null || lesion == null) {
      return c.missing("Surgery is supported after more than " + min + " months of limitation, failed conservative"
          + " care and a clear clinical and imaging lesion.", lesion == null ? Fact.imagingConfirmsLesion
          : failed == null ? Fact.conservativeCareFailed : Fact.activityLimitationMonths);
    }
    return c.within(limited + " months of limitation, failed conservative care and a lesion on imaging: surgery"
        + " is supported.");
  }
}
