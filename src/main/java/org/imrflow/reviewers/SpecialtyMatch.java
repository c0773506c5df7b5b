package org.imrflow.reviewers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.process.CachedDecisions;

/**
 * Which specialties may review an item: the decision table {@code reviewer-specialty}
 * (processes/reviewer-specialties.dmn), one comma-separated list per matching rule.
 */
@org.springframework.stereotype.Component
class SpecialtyMatch {

  static final String DECISION = "reviewer-specialty";

  private final CachedDecisions decisions;

  SpecialtyMatch(CachedDecisions decisions) {
    this.decisions = decisions;
  }

  /** Normalised specialty names; empty when no rule names any (then any specialty may review). */
  Set<String> accepted(DisputedItem item) {
    List<BodyRegion> regions = item.bodyRegionsOrEmpty().isEmpty() ? Arrays.asList((BodyRegion) null)
        : item.bodyRegionsOrEmpty();
    Set<String> accepted = new LinkedHashSet<>();
    for (BodyRegion region : regions) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("category", item.category().name());
      inputs.put("bodyRegion", region == null ? null : region.name());
      decisions.evaluate(DECISION, inputs).forEach(row -> {
        String list = (String) row.get("specialties");
        if (list != null) {
          Arrays.stream(list.split(",")).map(Names::normalize).filter(s -> !s.isEmpty()).forEach(accepted::add);
        }
      });
    }
    return accepted;
  }
}
