package org.imrflow.guidelines;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The facts as a reviewer types them in the decide-item form, one {@code name: value} a line: "yes" or
 * "no", a number, "none" or a list separated by commas. An empty value means "not documented". Form-js
 * has no list editor that works in Tasklist 7.24 (CAMUNDA-NOTES), so the facts are a text the server reads.
 */
final class FactsText {

  private static final Set<String> NOT_DOCUMENTED = Set.of("", "?", "unknown", "not documented", "not stated");

  private FactsText() {
  }

  /** What the parsed text holds, or why a line cannot be read. */
  record Parsed(Map<String, Object> facts, List<String> problems) {
  }

  /** The lines the form starts with: the facts the item's criteria read, with what is already known. */
  static String template(List<String> names, Map<String, Object> known) {
    List<String> lines = new ArrayList<>();
    List<String> all = new ArrayList<>(names);
    known.keySet().stream().filter(k -> !all.contains(k)).forEach(all::add);
    for (String name : all) {
      lines.add(name + ": " + show(known.get(name)));
    }
    return String.join("\n", lines);
  }

  static Parsed parse(String text) {
    Map<String, Object> facts = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (text == null) {
      return new Parsed(facts, problems);
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        problems.add("line " + (i + 1) + " is not \"name: value\"");
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      var fact = Fact.named(name);
      if (fact.isEmpty()) {
        // Not echoed: what was typed may be clinical text, and refusals reach the engine's log.
        problems.add("line " + (i + 1) + " names no fact the checks read");
        continue;
      }
      if (NOT_DOCUMENTED.contains(value.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Object parsed = value(fact.get().type, value);
      List<String> invalid = parsed == null ? List.of("x")
          : ClinicalFacts.problems(Map.of(name, parsed)).stream().map(p -> p.message()).toList();
      if (!invalid.isEmpty()) {
        problems.add("line " + (i + 1) + ": " + name + " must be " + fact.get().type.expected);
      } else {
        facts.put(name, parsed);
      }
    }
    return new Parsed(facts, problems);
  }

  private static Object value(Fact.Type type, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return switch (type) {
      case BOOLEAN -> Set.of("yes", "true", "y").contains(lower) ? Boolean.TRUE
          : Set.of("no", "false", "n").contains(lower) ? Boolean.FALSE : null;
      case TEXT_LIST -> lower.equals("none") ? List.of()
          : Arrays.stream(value.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      case SURGERY_RISK -> value.toUpperCase(Locale.ROOT);
      default -> number(value);
    };
  }

  private static Object number(String value) {
    try {
      BigDecimal n = new BigDecimal(value);
      return n.stripTrailingZeros().scale() <= 0 ? (Object) n.intValueExact() : (Object) n.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "none" : String.join(", ", list.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }
}
