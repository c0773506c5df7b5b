package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.cases.DisputedItem.Category;
import org.springframework.stereotype.Service;

/**
 * The MTUS checks of DOMAIN.md §4 for one disputed item, with the MTUS in force on {@code asOf}:
 * decision support, the reviewer decides. Therapy items are checked against the tables under
 * processes/mtus-*.dmn; everything else, and every item whose deciding facts are missing, is left to
 * clinical judgement with the missing fact named.
 */
@Service
public class GuidelineChecks {

  static final String NO_RULE = "NO-MECHANICAL-RULE";
  static final String NOT_ENCODED = "MTUS-VERSION-NOT-ENCODED";

  private final PhysicalMedicineCheck physicalMedicine;
  private final ManualTherapyCheck manualTherapy;
  private final MassageCheck massage;
  private final AcupunctureCheck acupuncture;
  private final PostsurgicalCheck postsurgical;
  private final StatutoryCapCheck cap;
  private final GuidelineTopics topics;
  private final ImagingCheck imaging;
  private final ProcedureChecks procedures;
  private final AssociatedServiceCheck associated;
  private final MedicationCheck medications;
  private final ModalityCheck modalities;

  GuidelineChecks(MtusTables tables, GuidelineTopics topics) {
    this.topics = topics;
    this.imaging = new ImagingCheck(topics);
    this.procedures = new ProcedureChecks(topics);
    this.associated = new AssociatedServiceCheck(topics);
    this.medications = new MedicationCheck(topics);
    this.modalities = new ModalityCheck(topics);
    this.physicalMedicine = new PhysicalMedicineCheck(tables);
    this.manualTherapy = new ManualTherapyCheck(tables);
    this.massage = new MassageCheck(tables);
    this.acupuncture = new AcupunctureCheck(tables);
    this.cap = new StatutoryCapCheck(tables);
    this.postsurgical = new PostsurgicalCheck(tables, physicalMedicine, cap);
  }

  /** The check on the item's own fields, as before facts existed (the intake's therapy fields). */
  public GuidelineCheck check(DisputedItem item, LocalDate dateOfInjury, LocalDate asOf) {
    return check(item, ClinicalFacts.NONE, null, dateOfInjury, asOf);
  }

  /**
   * The check on the facts the reviewer (or the API caller) states. The MTUS in force on {@code asOf}
   * decides first: past the encoded versions nothing is checked or cited. An associated service of a
   * surgery found not medically necessary follows it; otherwise the generic patterns, then the criteria
   * of the item's group.
   */
  public GuidelineCheck check(DisputedItem given, ClinicalFacts facts, LinkedSurgery linkedSurgery,
      LocalDate dateOfInjury, LocalDate asOf) {
    if (asOf == null) {
      return Assessment.conclude(List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, NO_RULE, null, null, null,
          "The MTUS in force depends on the date of the request, which is not stated. Missing: the date of the"
              + " request or UR decision.")));
    }
    GuidelineTopics.InForce inForce = topics.inForce(asOf).orElseThrow();
    if (!inForce.encoded()) {
      return Assessment.conclude(List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, NOT_ENCODED, null, null, null,
          "The MTUS in force on " + Labels.date(asOf) + " is " + inForce.mtus() + "; it is not encoded in these"
              + " tables, so no rule is applied and no guideline is offered to cite: the reviewer applies the"
              + " guidelines in force then.")));
    }
    DisputedItem item = withTherapyFacts(given, facts);
    GuidelineTopics.Topic topic = topics.topic(item);
    if (topic.topic().equals("OPIOID") && facts.number(Fact.postOpDays) != null) {
      // An opioid after surgery is governed by the acute (post-operative) section, not maintenance.
      topic = topics.topic(item.category().name(), "post-op " + item.description(), item.bodyRegionsOrEmpty());
    }
    ItemContext context = new ItemContext(item, facts, linkedSurgery, topic, topics.findingCitation(topic, asOf), asOf);
    if (AssociatedServiceCheck.surgeryUpheld(context)) {
      GuidelineTopics.Topic none = new GuidelineTopics.Topic(topic.topic(), topic.group(), "NONE", null,
          topic.facts(), topic.source());
      return Assessment.conclude(List.of(AssociatedServiceCheck.followsUpheldSurgery(context, null)))
          .citing(topics.citation(none, asOf).orElse(null));
    }
    String citation = topics.citation(topic, asOf).orElse(null);
    var pattern = RequestPatterns.check(context);
    if (pattern.isPresent()) {
      return Assessment.conclude(List.of(pattern.get())).citing(citation);
    }
    if (!topic.group().equals("THERAPY")) {
      Assessment assessment = switch (topic.group()) {
        case "IMAGING" -> imaging.check(context);
        case "ELECTRODIAGNOSTICS" -> procedures.electrodiagnostics(context);
        case "INJECTIONS" -> procedures.injection(context);
        case "SURGERY" -> procedures.surgery(context);
        case "ASSOCIATED" -> associated.check(context);
        case "MEDICATIONS" -> medications.check(context);
        default -> modalities.check(context);
      };
      return Assessment.conclude(List.of(assessment)).citing(citation);
    }
    return therapy(item, dateOfInjury, asOf).citing(citation);
  }

  /** The therapy facts may come in {@code facts} as well as in the item's own fields; the fields win. */
  private static DisputedItem withTherapyFacts(DisputedItem item, ClinicalFacts facts) {
    return new DisputedItem(item.description(), item.category(), item.bodyRegions(), item.condition(),
        item.requestedVisits() != null ? item.requestedVisits() : facts.number(Fact.requestedVisits),
        item.completedVisits() != null ? item.completedVisits() : facts.number(Fact.completedVisits),
        item.surgery(), item.functionalImprovementDocumented() != null ? item.functionalImprovementDocumented()
        : facts.bool(Fact.functionalImprovementDocumented), item.claimsAdministratorGuideline(), item.formulary());
  }

  private GuidelineCheck therapy(DisputedItem item, LocalDate dateOfInjury, LocalDate asOf) {
    List<Assessment> assessments = new ArrayList<>(switch (item.category()) {
      case PHYSICAL_THERAPY, OCCUPATIONAL_THERAPY -> physicalMedicine.check(item, item.category(), asOf);
      case CHIROPRACTIC -> manualTherapy.check(item, asOf);
      case MASSAGE -> massage.check(item, asOf);
      case ACUPUNCTURE -> acupuncture.check(item, asOf);
      case POSTSURGICAL_THERAPY -> postsurgical.check(item, dateOfInjury, asOf);
      case MEDICATION, IMAGING, INJECTION, SURGERY, DME, PSYCHOLOGICAL, OTHER -> List.of(noRule(item.category()));
    });
    if (capped(item.category())) {
      cap.addTo(assessments, item, item.category(), dateOfInjury, asOf);
    }
    return Assessment.conclude(assessments);
  }

  /** The disciplines LC 4604.5 caps (the table holds the number): other items need not ask. */
  private static boolean capped(Category category) {
    return category == Category.PHYSICAL_THERAPY || category == Category.OCCUPATIONAL_THERAPY
        || category == Category.CHIROPRACTIC;
  }

  private static Assessment noRule(Category category) {
    return Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, NO_RULE, null, null, null,
        "No mechanical MTUS rule applies to " + Labels.treatment(category)
            + " here: the reviewer judges it on the records and the guideline for it.");
  }
}
