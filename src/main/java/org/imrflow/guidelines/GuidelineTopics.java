package org.imrflow.guidelines;

import org.imrflow.process.DecisionTables;
import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What governs an item outside the therapy numbers, read from {@code processes/mtus-guideline-topics.dmn}:
 * the MTUS in force on a date, the item's topic and guideline section, the title as the letters cite
 * it, the ingredients of a topical, and the numbers of the criteria. Nothing here knows a rule.
 */
@Component
class GuidelineTopics {

  static final String IN_FORCE = "mtus-in-force";
  static final String TOPICS = "mtus-item-topics";
  static final String EDITIONS = "mtus-guideline-editions";
  static final String INGREDIENTS = "mtus-topical-ingredients";
  static final String NUMBERS = "mtus-criteria-numbers";

  private final DecisionTables tables;

  GuidelineTopics(DecisionTables tables) {
    this.tables = tables;
  }

  record InForce(boolean encoded, String mtus, String source) {
  }

  /** An item's topic, its group of DOMAIN.md §4b, and the guideline and section that govern it. */
  record Topic(String topic, String group, String guideline, String section, List<String> facts, String source) {
  }

  record Ingredient(String name, String status, String source) {
  }

  record Criterion(int value, String unit, String source) {
  }

  Optional<InForce> inForce(LocalDate asOf) {
    return tables.evaluate(IN_FORCE, Map.of("asOf", asOf.atStartOfDay())).stream().findFirst()
        .map(r -> new InForce(Boolean.TRUE.equals(r.get("encoded")), (String) r.get("mtusInForce"),
            (String) r.get("source")));
  }

  Topic topic(DisputedItem item) {
    return topic(item.category().name(), item.description(), item.bodyRegionsOrEmpty());
  }

  Topic topic(String category, String description, List<DisputedItem.BodyRegion> regions) {
    Map<String, Object> in = new HashMap<>();
    in.put("category", category);
    in.put("text", text(description));
    in.put("regions", "|" + regions.stream().map(Enum::name).collect(Collectors.joining("|")) + "|");
    Map<String, Object> r = tables.evaluate(TOPICS, in).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException(TOPICS + " has no row for " + category));
    String facts = (String) r.get("facts");
    return new Topic((String) r.get("topic"), (String) r.get("group"), (String) r.get("guideline"),
        (String) r.get("section"), facts == null || facts.isBlank() ? List.of() : List.of(facts.split(",\\s*")),
        (String) r.get("source"));
  }

  /** "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies." */
  Optional<String> citation(Topic topic, LocalDate asOf) {
    return edition(topic, asOf).map(r -> {
      String title = (String) r.get("title");
      String prefix = (String) r.get("sectionPrefix");
      if (prefix == null || prefix.isEmpty()) {
        return title;
      }
      return "Decision based on " + title + (topic.section() == null ? "" : prefix + topic.section()) + ".";
    });
  }

  /** What a finding cites: the guideline's title as the letters write it, the section, the row's source. */
  MtusTables.Citation findingCitation(Topic topic, LocalDate asOf) {
    return edition(topic, asOf).map(r -> new MtusTables.Citation((String) r.get("title"), topic.section(), null,
        topic.source())).orElse(new MtusTables.Citation(null, topic.section(), null, topic.source()));
  }

  private Optional<Map<String, Object>> edition(Topic topic, LocalDate asOf) {
    Map<String, Object> in = new HashMap<>();
    in.put("guideline", topic.guideline());
    in.put("asOf", asOf.atStartOfDay());
    return tables.evaluate(EDITIONS, in).stream().findFirst();
  }

  List<Ingredient> ingredients(String description) {
    return tables.evaluate(INGREDIENTS, Map.of("text", text(description))).stream()
        .map(r -> new Ingredient((String) r.get("ingredient"), (String) r.get("status"), (String) r.get("source")))
        .toList();
  }

  Criterion number(String criterion) {
    return tables.evaluate(NUMBERS, Map.of("criterion", criterion)).stream().findFirst()
        .map(r -> new Criterion(((Number) r.get("value")).intValue(), (String) r.get("unit"), (String) r.get("source")))
        .orElseThrow(() -> new IllegalStateException(NUMBERS + " has no row " + criterion));
  }

  int value(String criterion) {
    return number(criterion).value();
  }

  /** Descriptions are matched in lower case, with a space in front so that a word at the start matches " word". */
  private static String text(String description) {
    return " " + (description == null ? "" : description.toLowerCase(Locale.ROOT));
  }
}
