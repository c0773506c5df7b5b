package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.util.List;
import org.imrflow.cases.Determination;

/**
 * Services associated with a surgery (DOMAIN.md §4b). When the surgery is disputed in the same case
 * they follow its decision: all 15 associated items of upheld surgeries were upheld in one line. When
 * it was overturned (or is not disputed) each service meets its own criterion.
 */
final class AssociatedServiceCheck {

  static final String FOLLOWS_SURGERY = "MTUS-FOLLOWS-LINKED-SURGERY";

  private final GuidelineTopics topics;

  AssociatedServiceCheck(GuidelineTopics topics) {
    this.topics = topics;
  }

  /** The linked surgery's decision, where it decides the item: every associated service follows an upheld denial. */
  static boolean surgeryUpheld(ItemContext c) {
    return c.linkedSurgery() != null && c.linkedSurgery().determination() == Determination.UPHELD;
  }

  static Assessment followsUpheldSurgery(ItemContext c, MtusTables.Citation none) {
    return Assessment.notRecommended(FOLLOWS_SURGERY, none, "The surgery this service is for"
        + (c.linkedSurgery().description() == null ? "" : " (" + c.linkedSurgery().description() + ")")
        + " was found not medically necessary, so the service associated with it is not medically necessary either.");
  }

  Assessment check(ItemContext c) {
    Integer age = c.number(Fact.age);
    List<String> comorbidities = c.list(Fact.comorbidities);
    int minAge = topics.value("PREOP_MIN_AGE");
    return switch (c.topic().topic()) {
      case "PREOP_CLEARANCE", "PREOP_CBC", "PREOP_CHEMISTRY" -> {
        if (age != null && age >= minAge) {
          yield c.within("The patient is " + age + ": at " + minAge + " or over, pre-operative evaluation is"
              + " supported.");
        }
        if (comorbidities != null && !comorbidities.isEmpty()) {
          yield c.within("Comorbidities (" + String.join(", ", comorbidities) + ") support pre-operative evaluation.");
        }
        if (age != null && comorbidities != null) {
          yield c.notRecommended("The patient is " + age + ", under " + minAge + ", with no comorbidity: the"
              + " guideline supports this test for age or chronic disease.");
        }
        yield c.missing("This pre-operative test is supported over age " + minAge + " or with chronic disease.",
            age == null ? Fact.age : Fact.comorbidities);
      }
      case "PREOP_EKG" -> {
        String risk = c.facts().text(Fact.surgeryRisk);
        if (risk == null) {
          yield c.missing("A pre-operative EKG is for high-risk surgery, or intermediate risk with risk factors.",
              Fact.surgeryRisk);
        }
        if (risk.equals("HIGH") || risk.equals("INTERMEDIATE") && comorbidities != null && !comorbidities.isEmpty()) {
          yield c.within("A " + risk.toLowerCase() + "-risk surgery" + (risk.equals("HIGH") ? "" : " with risk factors")
              + ": a pre-operative EKG is supported.");
        }
        if (risk.equals("INTERMEDIATE") && comorbidities == null) {
          yield c.missing("An intermediate-risk surgery needs risk factors for a pre-operative EKG.", Fact.comorbidities);
        }
        yield c.notRecommended("A " + risk.toLowerCase() + "-risk surgery" + (risk.equals("LOW") ? "" : " without risk"
            + " factors") + ": a pre-operative EKG is not recommended.");
      }
      case "PREOP_COAGULATION" -> byFact(c, Fact.bleedingRiskOrAnticoagulant, "a bleeding history or anticoagulant use");
      case "PREOP_URINALYSIS" -> byFact(c, Fact.implantMaterial, "a urologic procedure or implanted material");
      case "PREOP_CHEST_XRAY" -> byFact(c, Fact.pulmonaryRisk, "pulmonary risk that would change management");
      case "ASSISTANT_SURGEON" -> byFact(c, Fact.surgeryComplex, "a complex surgery");
      case "ABDUCTION_SLING" -> byFact(c, Fact.openRepairLargeTear, "an open repair of a large tear");
      case "SLING" -> c.regionIs(DisputedItem.BodyRegion.SHOULDER) && c.linkedSurgery() != null
          && c.linkedSurgery().determination() == Determination.OVERTURNED
          ? c.within("A sling for 2-4 weeks after shoulder surgery is supported, and the surgery was found necessary.")
          : c.judgement("A sling is supported for 2-4 weeks after shoulder surgery.");
      case "COLD_THERAPY" -> {
        int max = topics.value("COLD_THERAPY_MAX_DAYS");
        Integer days = c.number(Fact.rentalDays);
        if (days == null) {
          yield c.missing("Cold therapy is supported after surgery for up to " + max + " days, as a rental.",
              Fact.rentalDays);
        }
        yield days <= max ? c.within(days + " days of rental: within the " + max + " days after surgery supported.")
            : c.exceeds(days + " days of rental: more than the " + max + " days after surgery supported.");
      }
      case "POSTOP_OPIOID" -> postOpOpioid(c, topics);
      case "ANTIEMETIC" -> c.within("Ondansetron is FDA-approved for post-operative nausea and vomiting.");
      case "LAXATIVE" -> byFact(c, Fact.opioidConcurrent, "opioids taken for more than a few days");
      default -> c.judgement("A service associated with a surgery follows the surgery's decision; this one has no"
          + " criterion of its own in the letters.");
    };
  }

  static Assessment postOpOpioid(ItemContext c, GuidelineTopics topics) {
    int max = topics.value("POSTOP_OPIOID_MAX_DAYS");
    Integer days = c.number(Fact.postOpDays);
    if (days != null && days > max) {
      return c.exceeds(days + " days after surgery: post-operative opioids are supported for up to " + max
          + " days after major surgery.");
    }
    Boolean cures = c.bool(Fact.curesChecked);
    if (Boolean.FALSE.equals(cures)) {
      return c.notRecommended("The CURES database was not checked before prescribing opioids after surgery.");
    }
    if (cures == null) {
      return c.missing("Post-operative opioids are supported short-term, with non-opioids alongside, after a CURES"
          + " check.", Fact.curesChecked);
    }
    return c.within("Short-term opioids after surgery with the CURES database checked are supported.");
  }

  private static Assessment byFact(ItemContext c, Fact fact, String what) {
    Boolean value = c.bool(fact);
    if (value == null) {
      return c.missing("The guideline supports this service only with " + what + ".", fact);
    }
    return value ? c.within("With " + what + ", the guideline supports this service.")
        : c.notRecommended("Without " + what + ", the guideline does not support this service.");
  }
}
