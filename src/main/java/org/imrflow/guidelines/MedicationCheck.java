package org.imrflow.guidelines;

import java.util.List;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.guidelines.GuidelineTopics.Ingredient;

/**
 * Medications (DOMAIN.md §4b): opioid maintenance, NSAIDs, proton pump inhibitors, muscle relaxants,
 * topical analgesics ingredient by ingredient, the lidocaine patch and tricyclics. Drug classes and
 * ingredients are in the tables; Java weighs the facts.
 */
final class MedicationCheck {

  private final GuidelineTopics topics;

  MedicationCheck(GuidelineTopics topics) {
    this.topics = topics;
  }

  Assessment check(ItemContext c) {
    return switch (c.topic().topic()) {
      case "OPIOID" -> c.number(Fact.postOpDays) != null ? AssociatedServiceCheck.postOpOpioid(c, topics) : opioid(c);
      case "NSAID" -> nsaid(c);
      case "PPI" -> {
        List<String> risks = c.list(Fact.giRiskFactors);
        if (risks == null) {
          yield c.missing("A proton pump inhibitor is supported only with GI risk.", Fact.giRiskFactors);
        }
        yield risks.isEmpty() ? c.notRecommended("No GI risk factor is documented: a proton pump inhibitor is"
            + " supported only for ulcer, bleeding or perforation history, or high-dose or multiple NSAIDs.")
            : c.within("GI risk factors (" + String.join(", ", risks) + ") support a proton pump inhibitor.");
      }
      case "MUSCLE_RELAXANT" -> muscleRelaxant(c);
      case "TOPICAL" -> topical(c);
      case "LIDOCAINE_PATCH" -> neuropathicAfterFirstLine(c, "A lidocaine patch is for localised neuropathic pain after"
          + " a tricyclic, an SNRI, gabapentin or pregabalin.");
      case "TRICYCLIC" -> {
        Boolean neuropathic = c.bool(Fact.neuropathicPain);
        if (neuropathic == null) {
          yield c.missing("Tricyclics are first line for neuropathic pain or depression, not headache or sleep.",
              Fact.neuropathicPain);
        }
        yield neuropathic ? c.within("Neuropathic pain (or depression): a tricyclic is first line, with a trial of at"
            + " least 4 weeks.") : c.notRecommended("No neuropathic pain or depression: tricyclics are not"
            + " recommended for this use.");
      }
      default -> c.judgement("This medication has no criterion in the letters.");
    };
  }

  private Assessment opioid(ItemContext c) {
    int min = topics.value("OPIOID_MIN_RELIEF_PERCENT");
    Integer relief = c.number(Fact.painReliefPercent);
    if (relief != null && relief < min) {
      return c.notRecommended(relief + "% pain relief: maintenance needs at least " + min + "%.");
    }
    Boolean function = c.bool(Fact.functionalImprovementDocumented);
    Boolean urine = c.bool(Fact.urineDrugTestRecent);
    Boolean aberrant = c.bool(Fact.aberrantBehaviourAssessed);
    if (Boolean.FALSE.equals(function)) {
      return c.notRecommended("No functional improvement from the opioid is documented: maintenance needs it.");
    }
    if (Boolean.FALSE.equals(urine)) {
      return c.notRecommended("No recent urine drug screen is documented: maintenance needs monitoring.");
    }
    if (Boolean.FALSE.equals(aberrant)) {
      return c.notRecommended("Side effects and aberrant behaviour are not assessed: maintenance needs monitoring.");
    }
    if (relief == null || function == null || urine == null || aberrant == null) {
      return c.missing("Opioid maintenance needs at least " + min + "% pain relief, improved function, urine drug"
          + " screens and monitoring of aberrant behaviour.", relief == null ? Fact.painReliefPercent
          : function == null ? Fact.functionalImprovementDocumented : urine == null ? Fact.urineDrugTestRecent
          : Fact.aberrantBehaviourAssessed);
    }
    return c.within(relief + "% pain relief, improved function, urine drug screens and monitoring documented:"
        + " opioid maintenance is supported.");
  }

  private Assessment nsaid(ItemContext c) {
    if (Boolean.TRUE.equals(c.bool(Fact.sameClassConcurrent))) {
      return c.notRecommended("Another NSAID is already taken: a second NSAID is not recommended.");
    }
    Integer weeks = c.number(Fact.inUseWeeks);
    if (weeks == null) {
      return c.missing("NSAIDs are first line as an initial treatment; refills need functional gain.", Fact.inUseWeeks);
    }
    if (weeks == 0) {
      return c.within("A first prescription: NSAIDs are recommended as first-line initial treatment, at the lowest"
          + " dose for the shortest time.");
    }
    Boolean function = c.bool(Fact.functionalImprovementDocumented);
    if (function == null) {
      return c.missing("After " + weeks + " weeks of use, a refill needs documented functional gain.",
          Fact.functionalImprovementDocumented);
    }
    return function ? c.within("Functional gain documented after " + weeks + " weeks: continuing is supported.")
        : c.notRecommended("No functional gain after " + weeks + " weeks: NSAIDs are not for long-term use without it.");
  }

  private Assessment muscleRelaxant(ItemContext c) {
    if (Boolean.TRUE.equals(c.bool(Fact.sameClassConcurrent))) {
      return c.notRecommended("Another muscle relaxant is already taken: a second needs a reason.");
    }
    int max = topics.value("MUSCLE_RELAXANT_MAX_WEEKS");
    Integer weeks = c.number(Fact.inUseWeeks);
    if (weeks == null) {
      return c.missing("Muscle relaxants are for short-term use, at most " + max + " weeks.", Fact.inUseWeeks);
    }
    return weeks >= max ? c.exceeds(weeks + " weeks of use already: muscle relaxants are recommended for at most "
        + max + " weeks.") : c.within(weeks + " weeks of use so far: a short course within " + max
        + " weeks is supported.");
  }

  private Assessment topical(ItemContext c) {
    List<Ingredient> ingredients = topics.ingredients(c.item().description());
    List<String> notRecommended = ingredients.stream().filter(i -> i.status().equals("NOT_RECOMMENDED"))
        .map(Ingredient::name).toList();
    if (!notRecommended.isEmpty()) {
      return c.notRecommended("Topical " + Labels.and(notRecommended) + " is not recommended; a compound with any"
          + " ingredient not recommended is not recommended.");
    }
    if (ingredients.stream().anyMatch(i -> i.status().equals("TOPICAL_NSAID"))) {
      if (c.regionIs(BodyRegion.HIP, BodyRegion.SHOULDER, BodyRegion.NECK, BodyRegion.UPPER_BACK, BodyRegion.LOW_BACK)) {
        return c.notRecommended("Topical NSAIDs are not recommended for the hip, shoulder or spine.");
      }
      if (c.regionIs(BodyRegion.KNEE, BodyRegion.ELBOW, BodyRegion.WRIST_HAND, BodyRegion.ANKLE_FOOT)) {
        int max = topics.value("TOPICAL_NSAID_MAX_WEEKS");
        Integer weeks = c.number(Fact.inUseWeeks);
        if (weeks == null) {
          return c.missing("A topical NSAID is supported for up to " + max + " weeks on a peripheral joint.",
              Fact.inUseWeeks);
        }
        return weeks >= max ? c.exceeds(weeks + " weeks of use: topical NSAIDs are supported for up to " + max
            + " weeks.") : c.within("A peripheral joint, " + weeks + " weeks of use: a topical NSAID is supported.");
      }
    }
    if (ingredients.stream().anyMatch(i -> i.status().equals("AFTER_FAILURE"))
        && Boolean.FALSE.equals(c.bool(Fact.firstLineFailed)) && !Boolean.TRUE.equals(c.bool(Fact.oralIntolerance))) {
      return c.notRecommended("Capsaicin is recommended only after other treatments failed or were not tolerated.");
    }
    return neuropathicAfterFirstLine(c, "Topical analgesics are for neuropathic pain after failed antidepressants and"
        + " anticonvulsants, or when oral medication is not tolerated.");
  }

  private static Assessment neuropathicAfterFirstLine(ItemContext c, String criterion) {
    Boolean neuropathic = c.bool(Fact.neuropathicPain);
    Boolean failed = c.bool(Fact.firstLineFailed);
    Boolean intolerant = c.bool(Fact.oralIntolerance);
    if (Boolean.FALSE.equals(neuropathic)) {
      return c.notRecommended("The pain is not neuropathic. " + criterion);
    }
    if (Boolean.FALSE.equals(failed) && !Boolean.TRUE.equals(intolerant)) {
      return c.notRecommended("First-line treatment has not failed" + (intolerant == null ? "" : " and oral"
          + " medication is tolerated") + ". " + criterion);
    }
    if (Boolean.TRUE.equals(neuropathic) && (Boolean.TRUE.equals(failed) || Boolean.TRUE.equals(intolerant))) {
      return c.within("Neuropathic pain after first-line treatment failed (or is not tolerated): supported.");
    }
    return c.missing(criterion, neuropathic == null ? Fact.neuropathicPain : Fact.firstLineFailed);
  }
}
