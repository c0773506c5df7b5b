package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.imrflow.guidelines.MtusTables.Acupuncture;

/**
 * Acupuncture under 8 CCR 9792.24.1: functional improvement is expected within a few treatments at
 * a few a week; treatments may be extended only when functional improvement is documented.
 */
final class AcupunctureCheck {

  static final String RULE = "MTUS-ACUPUNCTURE";
  static final String FREQUENCY_RULE = "MTUS-ACUPUNCTURE-FREQUENCY";

  private final MtusTables tables;

  AcupunctureCheck(MtusTables tables) {
    this.tables = tables;
  }

  List<Assessment> check(DisputedItem item, LocalDate asOf) {
    Optional<Acupuncture> found = tables.acupuncture(asOf);
    if (found.isEmpty()) {
      return List.of(Assessment.noTable(RULE, "acupuncture", asOf));
    }
    Acupuncture rule = found.get();
    List<Assessment> assessments = new ArrayList<>();
    if (item.requestedVisits() == null) {
      assessments.add(Assessment.requestedMissing(RULE, rule.citation(), "acupuncture", "treatments"));
    } else {
      Course course = new Course("acupuncture", "treatments", rule.trialVisits(),
          "the " + rule.minTrialVisits() + "-" + rule.trialVisits() + " treatment trial (" + rule.minVisitsPerWeek()
              + " to " + rule.maxVisitsPerWeek() + " a week, optimum duration " + rule.duration() + ")",
          null, null, true, null, null);
      assessments.add(Assessment.of(RULE, rule.citation(),
          course.assess(item.requestedVisits(), item.completedVisits(), item.functionalImprovementDocumented())));
    }
    OptionalInt perWeek = RequestedFrequency.perWeek(item.description());
    if (perWeek.isPresent() && perWeek.getAsInt() > rule.maxVisitsPerWeek()) {
      assessments.add(Assessment.of(Verdict.EXCEEDS_GUIDELINE, FREQUENCY_RULE, rule.citation(), null, null,
          "The request asks for " + perWeek.getAsInt() + " treatments a week; the guideline recommends "
              + rule.minVisitsPerWeek() + " to " + rule.maxVisitsPerWeek() + " a week."));
    }
    return assessments;
  }
}
