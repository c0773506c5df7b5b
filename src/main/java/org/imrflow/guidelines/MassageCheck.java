package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.imrflow.guidelines.MtusTables.Massage;

/** Massage therapy under the CPMTG: a few visits in most cases, as an adjunct to other treatment. */
final class MassageCheck {

  static final String RULE = "MTUS-CPMTG-MASSAGE";

  private final MtusTables tables;

  MassageCheck(MtusTables tables) {
    this.tables = tables;
  }

  List<Assessment> check(DisputedItem item, LocalDate asOf) {
    Optional<Massage> found = tables.massage(asOf);
    if (found.isEmpty()) {
      return List.of(Assessment.noTable(RULE, "massage", asOf));
    }
    Massage rule = found.get();
    if (item.requestedVisits() == null) {
      return List.of(Assessment.requestedMissing(RULE, rule.citation(), "massage", "visits"));
    }
    Course course = new Course("massage", "visits", null, null, rule.maxVisits(),
        Labels.visits(rule.minVisits(), rule.maxVisits())
            + " in most cases, as an adjunct to other recommended treatment such as exercise",
        false, null, null);
    return List.of(Assessment.of(RULE, rule.citation(),
        course.assess(item.requestedVisits(), item.completedVisits(), item.functionalImprovementDocumented())));
  }
}
