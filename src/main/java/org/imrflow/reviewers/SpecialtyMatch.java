package org.imrflow.reviewers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.process.CachedDecisions;
import org.imrflow.reviewers.ItemReviewers.Route;
import org.imrflow.reviewers.ReviewerProfile.Profession;
import org.springframework.stereotype.Component;

/**
 * Who may decide an item: the decision table {@code reviewer-specialty}
 * (processes/reviewer-specialties.dmn), asked once per body region with the item's category and
 * description; each matching row is a route of comma-separated professions and specialties.
 */
@Component
class SpecialtyMatch {

  static final String DECISION = "reviewer-specialty";

  private final CachedDecisions decisions;
  /**
   * Each row of the table read into a route once: the rows are few, and matching reads them for
   * every case (their names normalised, a regex each, were a third of a match's CPU).
   */
  private final Map<Map<String, Object>, Route> routes = new ConcurrentHashMap<>();

  SpecialtyMatch(CachedDecisions decisions) {
    this.decisions = decisions;
  }

  ItemReviewers accepted(DisputedItem item) {
    List<BodyRegion> regions = item.bodyRegionsOrEmpty().isEmpty() ? Arrays.asList((BodyRegion) null)
        : item.bodyRegionsOrEmpty();
    String description = item.description() == null ? "" : item.description().toLowerCase(Locale.ROOT);
    List<List<Route>> perRegion = new ArrayList<>(regions.size());
    for (BodyRegion region : regions) {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put("category", item.category().name());
      inputs.put("bodyRegion", region == null ? null : region.name());
      inputs.put("description", description);
      perRegion.add(decisions.evaluate(DECISION, inputs).stream()
          .map(row -> routes.computeIfAbsent(row, SpecialtyMatch::route)).toList());
    }
    return new ItemReviewers(perRegion);
  }

  static Route route(Map<String, Object> row) {
    Set<Profession> professions = EnumSet.noneOf(Profession.class);
    for (String p : split(row.get("professions"))) {
      professions.add(Profession.valueOf(p.toUpperCase(Locale.ROOT)));
    }
    Set<String> specialties = split(row.get("specialties")).stream().map(Names::normalize)
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    return new Route(Set.copyOf(professions), specialties);
  }

  private static List<String> split(Object list) {
    return list == null ? List.of()
        : Arrays.stream(((String) list).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
