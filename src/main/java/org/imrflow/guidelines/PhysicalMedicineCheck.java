package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.guidelines.MtusTables.PhysicalMedicine;

/**
 * Physical medicine (physical and occupational therapy) under the CPMTG: the course for the condition,
 * the clinical trial before reassessment where the version in force has one, and the fading of
 * frequency from a few visits a week to a home exercise program.
 */
final class PhysicalMedicineCheck {

  static final String RULE = "MTUS-CPMTG-PHYSICAL-MEDICINE";
  static final String FADING_RULE = "MTUS-CPMTG-PHYSICAL-MEDICINE-FADING";

  private final MtusTables tables;

  PhysicalMedicineCheck(MtusTables tables) {
    this.tables = tables;
  }

  List<Assessment> check(DisputedItem item, Category discipline, LocalDate asOf) {
    Optional<PhysicalMedicine> found = tables.physicalMedicine(asOf, item.condition());
    if (found.isEmpty()) {
      return List.of(Assessment.noTable(RULE, "physical medicine", asOf));
    }
    PhysicalMedicine rule = found.get();
    String treatment = Labels.treatment(discipline);
    List<Assessment> assessments = new ArrayList<>();
    if (item.requestedVisits() == null) {
      assessments.add(Assessment.requestedMissing(RULE, rule.citation(), treatment, "visits"));
    } else {
      assessments.add(Assessment.of(RULE, rule.citation(), course(rule, item, treatment)
          .assess(item.requestedVisits(), item.completedVisits(), item.functionalImprovementDocumented())));
    }
    OptionalInt perWeek = RequestedFrequency.perWeek(item.description());
    if (rule.maxVisitsPerWeek() != null && perWeek.isPresent() && perWeek.getAsInt() > rule.maxVisitsPerWeek()) {
      assessments.add(Assessment.of(Verdict.EXCEEDS_GUIDELINE, FADING_RULE, rule.citation(), null, null,
          "The request asks for " + perWeek.getAsInt() + " visits a week; the guideline allows up to "
              + rule.maxVisitsPerWeek() + " a week at first, fading to 1 or less plus an active self-directed home"
              + " exercise program."));
    }
    return assessments;
  }

  private static Course course(PhysicalMedicine rule, DisputedItem item, String treatment) {
    String totalPhrase = rule.maxVisits() == null ? null
        : Labels.visits(rule.minVisits(), rule.maxVisits()) + " over " + rule.weeks() + " weeks for " + rule.conditionLabel();
    String trialPhrase = rule.trialVisits() == null ? null : "the " + rule.trialVisits() + "-visit clinical trial";
    return new Course(treatment, "visits", rule.trialVisits(), trialPhrase, rule.maxVisits(), totalPhrase, false,
        "the guideline gives visit numbers for myalgia and myositis, neuralgia, neuritis and radiculitis, and CRPS,"
            + " not for this condition",
        item.condition() == null
            ? "the condition treated (myalgia/myositis, neuralgia/neuritis/radiculitis or CRPS)" : null);
  }
}
