package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.guidelines.MtusTables.ManualTherapy;

/**
 * Manual therapy and manipulation (chiropractic) under the CPMTG: not recommended for some body
 * regions; elsewhere a trial, and more only with objective functional improvement, within the total
 * the guideline states for the region.
 */
final class ManualTherapyCheck {

  static final String RULE = "MTUS-CPMTG-MANUAL-THERAPY";

  private final MtusTables tables;

  ManualTherapyCheck(MtusTables tables) {
    this.tables = tables;
  }

  List<Assessment> check(DisputedItem item, LocalDate asOf) {
    List<BodyRegion> regions = item.bodyRegionsOrEmpty().stream().distinct().toList();
    // With no region stated, the row for the regions the table does not single out stands in.
    Map<BodyRegion, ManualTherapy> rules = new LinkedHashMap<>();
    for (BodyRegion region : regions.isEmpty() ? Collections.<BodyRegion>singletonList(null) : regions) {
      Optional<ManualTherapy> rule = tables.manualTherapy(asOf, region);
      if (rule.isEmpty()) {
        return List.of(Assessment.noTable(RULE, "manual therapy", asOf));
      }
      rules.put(region, rule.get());
    }
    MtusTables.Citation citation = rules.values().iterator().next().citation();
    List<BodyRegion> notRecommended = rules.entrySet().stream().filter(e -> !e.getValue().recommended())
        .map(Map.Entry::getKey).toList();
    if (!notRecommended.isEmpty()) {
      List<BodyRegion> others = regions.stream().filter(r -> !notRecommended.contains(r)).toList();
      return List.of(Assessment.of(Verdict.NOT_RECOMMENDED, RULE, citation, null, null,
          "The guideline does not recommend manual therapy and manipulation for " + Labels.regions(notRecommended)
              + (others.isEmpty() ? "." : "; the request includes it along with " + Labels.regions(others)
              + ", so as requested it is not supported.")));
    }
    if (item.requestedVisits() == null) {
      return List.of(Assessment.requestedMissing(RULE, citation, "chiropractic", "visits"));
    }
    Course.Outcome outcome = course(rules).assess(item.requestedVisits(), item.completedVisits(),
        item.functionalImprovementDocumented());
    if (regions.isEmpty() && outcome.verdict() == Verdict.WITHIN_GUIDELINE) {
      // Within the trial where manual therapy is recommended; but it is not recommended everywhere.
      outcome = new Course.Outcome(Verdict.NEEDS_CLINICAL_JUDGEMENT, outcome.recommendedVisits(), outcome.totalVisits(),
          outcome.explanation() + " The guideline does not recommend manual therapy for some body regions, and the"
              + " request does not say which it treats. Missing: the body region treated.");
    }
    return List.of(Assessment.of(RULE, citation, outcome));
  }

  /** Several regions in one request: the smallest trial, and a total only if every region has one. */
  private static Course course(Map<BodyRegion, ManualTherapy> rules) {
    ManualTherapy trial = rules.values().stream()
        .min(Comparator.comparing(ManualTherapy::trialVisits, Comparator.nullsLast(Comparator.naturalOrder())))
        .orElseThrow();
    boolean totalForAll = rules.values().stream().allMatch(r -> r.maxVisits() != null);
    ManualTherapy total = totalForAll
        ? rules.values().stream().min(Comparator.comparing(ManualTherapy::maxVisits)).orElseThrow() : null;
    List<BodyRegion> withoutTotal = rules.entrySet().stream().filter(e -> e.getValue().maxVisits() == null)
        .map(Map.Entry::getKey).filter(Objects::nonNull).toList();
    return new Course("chiropractic", "visits", trial.trialVisits(),
        "the trial of " + trial.trialVisits() + " visits over " + trial.trialWeeks() + " weeks",
        total == null ? null : total.maxVisits(),
        total == null ? null : "a total of up to " + total.maxVisits() + " visits over " + total.maxWeeks() + " weeks",
        false,
        "the guideline states no visit total for manual therapy of "
            + (withoutTotal.isEmpty() ? "the region treated" : Labels.regions(withoutTotal)),
        null);
  }
}
