package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Surgery;
import org.imrflow.guidelines.MtusTables.PostsurgicalCourse;

/**
 * Postsurgical physical medicine under 8 CCR 9792.24.3: an initial course of half the general course
 * for the surgery; more only with documented functional improvement, within the general course and
 * the postsurgical period counted from the date of surgery. After the period the chronic pain
 * guidelines apply, and with them the statutory cap.
 */
final class PostsurgicalCheck {

  static final String RULE = "MTUS-POSTSURGICAL";

  private final MtusTables tables;
  private final PhysicalMedicineCheck physicalMedicine;
  private final StatutoryCapCheck cap;

  PostsurgicalCheck(MtusTables tables, PhysicalMedicineCheck physicalMedicine, StatutoryCapCheck cap) {
    this.tables = tables;
    this.physicalMedicine = physicalMedicine;
    this.cap = cap;
  }

  List<Assessment> check(DisputedItem item, LocalDate dateOfInjury, LocalDate asOf) {
    Surgery surgery = item.surgery();
    if (surgery == null || surgery.procedure() == null) {
      return List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, RULE, null, null, null,
          "Postsurgical therapy is measured against the surgery and counted from its date, and the request names"
              + " neither. Missing: the surgery and its date."));
    }
    Optional<PostsurgicalCourse> found = tables.postsurgical(asOf, surgery.procedure());
    if (found.isEmpty()) {
      return List.of(Assessment.noTable(RULE, "postsurgical", asOf));
    }
    PostsurgicalCourse rule = found.get();
    String general = rule.maxVisits() == null ? null : "the general course of "
        + Labels.visits(rule.minVisits(), rule.maxVisits()) + " over " + rule.weeks() + " weeks for " + rule.procedureLabel();
    if (surgery.date() == null) {
      return List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, RULE, rule.citation(), rule.maxVisits(), null,
          "The postsurgical physical medicine period of " + rule.periodMonths() + " months for " + rule.procedureLabel()
              + " is counted from the date of surgery, which is not stated: within the period the postsurgical"
              + " schedule applies" + (general == null ? "" : " (" + general + ", an initial course of half of it)")
              + ", after it the Chronic Pain Medical Treatment Guidelines. Missing: the date of surgery."));
    }
    LocalDate end = surgery.date().plusMonths(rule.periodMonths());
    if (asOf.isAfter(end)) {
      List<Assessment> assessments = new ArrayList<>();
      assessments.add(Assessment.of(null, RULE, rule.citation(), null, null, "The " + rule.periodMonths()
          + "-month postsurgical physical medicine period for " + rule.procedureLabel() + ", counted from the surgery on "
          + Labels.date(surgery.date()) + ", ended on " + Labels.date(end)
          + ": the Chronic Pain Medical Treatment Guidelines apply to this request."));
      // The discipline is not stated; physical and occupational therapy share the chronic pain rules.
      assessments.addAll(physicalMedicine.check(item, Category.PHYSICAL_THERAPY, asOf));
      cap.addTo(assessments, item, Category.PHYSICAL_THERAPY, dateOfInjury, asOf);
      return assessments;
    }
    if (rule.maxVisits() == null) {
      return List.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, RULE, rule.citation(), null, null,
          "The postsurgical schedule lists no general course for this surgery; its postsurgical physical medicine"
              + " period of " + rule.periodMonths() + " months runs to " + Labels.date(end)
              + ": the reviewer judges how many visits are needed."));
    }
    if (item.requestedVisits() == null) {
      return List.of(Assessment.requestedMissing(RULE, rule.citation(), "postsurgical therapy", "visits"));
    }
    // "One half of the number of visits specified in the general course"; a visit is not split.
    int initial = rule.maxVisits() / 2;
    Course course = new Course("postsurgical therapy", "visits", initial,
        "the initial course of " + initial + " visits (half the general course)", rule.maxVisits(),
        general + ", within the " + rule.periodMonths() + "-month postsurgical period (to " + Labels.date(end) + ")",
        false, null, null);
    return List.of(Assessment.of(RULE, rule.citation(),
        course.assess(item.requestedVisits(), item.completedVisits(), item.functionalImprovementDocumented())));
  }
}
