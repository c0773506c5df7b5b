package org.imrflow.guidelines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.guidelines.DisputedItem.Category;
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

  private final PhysicalMedicineCheck physicalMedicine;
  private final ManualTherapyCheck manualTherapy;
  private final MassageCheck massage;
  private final AcupunctureCheck acupuncture;
  private final PostsurgicalCheck postsurgical;
  private final StatutoryCapCheck cap;

  GuidelineChecks(MtusTables tables) {
    this.physicalMedicine = new PhysicalMedicineCheck(tables);
    this.manualTherapy = new ManualTherapyCheck(tables);
    this.massage = new MassageCheck(tables);
    this.acupuncture = new AcupunctureCheck(tables);
    this.cap = new StatutoryCapCheck(tables);
    this.postsurgical = new PostsurgicalCheck(tables, physicalMedicine, cap);
  }

  public GuidelineCheck check(DisputedItem item, LocalDate dateOfInjury, LocalDate asOf) {
    if (asOf == null) {
      return Assessment.conclude(List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, NO_RULE, null, null, null,
          "The MTUS in force depends on the date of the request, which is not stated. Missing: the date of the"
              + " request or UR decision.")));
    }
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
