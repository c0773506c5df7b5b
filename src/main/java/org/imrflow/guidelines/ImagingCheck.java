package org.imrflow.guidelines;

import java.util.List;

/**
 * Imaging by region (DOMAIN.md §4b): the ACOEM chapters' Special Studies for the spine, shoulder and
 * knee; ODG where the MTUS is silent (hip, MR arthrogram, hernia). Red flags justify imaging at once;
 * otherwise nerve compromise (or a surgical question) after failed conservative care, not too early.
 */
final class ImagingCheck {

  private final GuidelineTopics topics;

  ImagingCheck(GuidelineTopics topics) {
    this.topics = topics;
  }

  Assessment check(ItemContext c) {
    return switch (c.topic().topic()) {
      case "IMAGING_SPINE" -> spine(c);
      case "IMAGING_SHOULDER" -> shoulder(c);
      case "IMAGING_KNEE", "MR_ARTHROGRAM" -> suspectedTear(c);
      case "IMAGING_RED_FLAG_ONLY", "IMAGING_HERNIA" -> redFlagOnly(c);
      case "BONE_SCAN" -> boneScan(c);
      default -> c.judgement("Imaging of this region has no criterion in the letters' guidelines.");
    };
  }

  private Assessment spine(ItemContext c) {
    List<String> redFlags = c.list(Fact.redFlags);
    if (redFlags != null && !redFlags.isEmpty()) {
      return c.within("Red flags are documented (" + String.join(", ", redFlags) + "): the guideline supports"
          + " imaging to evaluate them.");
    }
    if (redFlags == null) {
      return c.missing("Imaging is supported at once for red flags, otherwise only for nerve compromise after"
          + " conservative care; whether red flags were found is not stated.", Fact.redFlags);
    }
    int minWeeks = topics.value("IMAGING_SPINE_MIN_WEEKS");
    Integer weeks = c.number(Fact.conservativeCareWeeks);
    if (weeks != null && weeks < minWeeks) {
      return c.notRecommended("No red flags, and " + weeks + " weeks of conservative care: the guideline does not"
          + " recommend imaging before " + minWeeks + " weeks without red flags.");
    }
    Boolean deficit = c.bool(Fact.objectiveNeuroDeficit);
    if (Boolean.FALSE.equals(deficit)) {
      return c.notRecommended("No red flags and no objective neurologic deficit: the guideline supports imaging"
          + " only on unequivocal objective findings of nerve compromise that do not respond to treatment.");
    }
    if (deficit == null) {
      return c.missing("No red flags are documented; imaging then needs objective findings of nerve compromise.",
          Fact.objectiveNeuroDeficit);
    }
    Boolean failed = c.bool(Fact.conservativeCareFailed);
    if (Boolean.FALSE.equals(failed)) {
      return c.notRecommended("An objective neurologic deficit, but conservative care is still helping: the guideline"
          + " supports imaging when the findings do not respond to treatment.");
    }
    if (failed == null || weeks == null) {
      return c.missing("An objective neurologic deficit is documented; imaging follows when it does not respond to"
          + " at least " + minWeeks + " weeks of conservative care.",
          failed == null ? Fact.conservativeCareFailed : Fact.conservativeCareWeeks);
    }
    return c.within("An objective neurologic deficit after " + weeks + " weeks of failed conservative care: the"
        + " guideline supports imaging to confirm nerve compromise.");
  }

  private Assessment shoulder(ItemContext c) {
    List<String> redFlags = c.list(Fact.redFlags);
    if (redFlags != null && !redFlags.isEmpty()) {
      return c.within("Red flags are documented (" + String.join(", ", redFlags) + "): imaging is supported.");
    }
    int minWeeks = topics.value("IMAGING_SHOULDER_MIN_WEEKS");
    Integer weeks = c.number(Fact.conservativeCareWeeks);
    if (weeks != null && weeks < minWeeks) {
      return c.notRecommended(weeks + " weeks of conservative care: the guideline does not recommend routine shoulder"
          + " imaging before about " + minWeeks + " weeks of conservative care, without red flags.");
    }
    Boolean surgery = c.bool(Fact.surgeryConsidered);
    if (Boolean.FALSE.equals(surgery)) {
      return c.notRecommended("No surgery is considered: routine MRI or arthrography without a surgical indication"
          + " is not recommended.");
    }
    Boolean failed = c.bool(Fact.conservativeCareFailed);
    if (Boolean.TRUE.equals(surgery) && Boolean.TRUE.equals(failed)) {
      return c.within("Conservative care failed and surgery is considered: imaging to plan it is supported.");
    }
    if (Boolean.FALSE.equals(failed)) {
      return c.notRecommended("Conservative care is still helping: imaging is not yet indicated.");
    }
    return c.missing("Shoulder imaging is supported for red flags, or when failed conservative care leads to a"
        + " surgical question.", redFlags == null ? Fact.redFlags : surgery == null ? Fact.surgeryConsidered
        : Fact.conservativeCareFailed);
  }

  private Assessment suspectedTear(ItemContext c) {
    List<String> redFlags = c.list(Fact.redFlags);
    if (redFlags != null && !redFlags.isEmpty()) {
      return c.within("Red flags are documented (" + String.join(", ", redFlags) + "): imaging is supported.");
    }
    Boolean tear = c.bool(Fact.suspectedTear);
    if (Boolean.FALSE.equals(tear)) {
      return c.notRecommended("No tear is suspected on examination: the guideline supports this imaging for a"
          + " suspected meniscal, ligament or labral tear.");
    }
    Integer weeks = c.number(Fact.conservativeCareWeeks);
    if (weeks != null && weeks == 0) {
      return c.notRecommended("No conservative care has been tried: the guideline supports imaging after it.");
    }
    Boolean failed = c.bool(Fact.conservativeCareFailed);
    if (Boolean.FALSE.equals(failed)) {
      return c.notRecommended("Conservative care is still helping: imaging is not yet indicated.");
    }
    if (Boolean.TRUE.equals(tear) && Boolean.TRUE.equals(failed)) {
      return c.within("A tear is suspected on examination and conservative care failed: imaging is supported.");
    }
    return c.missing("This imaging is supported for a suspected tear after failed conservative care.",
        tear == null ? Fact.suspectedTear : Fact.conservativeCareFailed);
  }

  /** Not routine; a suspected stress fracture or select early CRPS, which the reviewer weighs. */
  private Assessment boneScan(ItemContext c) {
    List<String> redFlags = c.list(Fact.redFlags);
    if (redFlags == null) {
      return c.missing("A bone scan is for a suspected stress fracture, or (triple-phase) select early CRPS; not"
          + " routine.", Fact.redFlags);
    }
    if (redFlags.isEmpty()) {
      return c.notRecommended("No suspected stress fracture or CRPS is documented: a bone scan is not recommended"
          + " routinely.");
    }
    return c.judgement("A suspected condition is documented (" + String.join(", ", redFlags) + "); a triple-phase"
        + " scan serves only select early CRPS, a stress fracture otherwise.");
  }

  private Assessment redFlagOnly(ItemContext c) {
    List<String> redFlags = c.list(Fact.redFlags);
    if (redFlags == null) {
      return c.missing("The guideline supports this imaging only for specific suspected conditions, not routinely.",
          Fact.redFlags);
    }
    if (redFlags.isEmpty()) {
      return c.notRecommended("No red flag or specific suspected condition is documented: the guideline does not"
          + " recommend this imaging routinely.");
    }
    return c.within("A specific suspected condition is documented (" + String.join(", ", redFlags)
        + "): the guideline supports imaging for it.");
  }
}
