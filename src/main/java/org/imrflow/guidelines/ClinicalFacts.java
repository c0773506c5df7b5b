package org.imrflow.guidelines;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imrflow.web.FieldProblem;

/**
 * The facts of one item, checked against {@link Fact}: typed, with "not documented" as null. Built
 * from the request's {@code facts} map; {@link #problems} names every bad entry as {@code facts.<name>}.
 */
final class ClinicalFacts {

  static final ClinicalFacts NONE = new ClinicalFacts(new EnumMap<>(Fact.class));

  private final Map<Fact, Object> values;

  private ClinicalFacts(Map<Fact, Object> values) {
    this.values = values;
  }

  /** The problems of a facts map as the API reports them; empty when every entry is valid. */
  static List<FieldProblem> problems(Map<String, Object> raw) {
    List<FieldProblem> problems = new ArrayList<>();
    if (raw == null) {
      return problems;
    }
    raw.forEach((name, value) -> {
      String field = "facts." + name;
      var fact = Fact.named(name);
      if (fact.isEmpty()) {
        problems.add(new FieldProblem(field, "unknown fact; the facts a check reads are listed in the API description"));
      } else if (value != null && !valid(fact.get().type, value)) {
        problems.add(new FieldProblem(field, "must be " + fact.get().type.expected + " (or null: not documented)"));
      }
    });
    return problems;
  }

  /** Facts from a map already free of {@link #problems}. */
  static ClinicalFacts of(Map<String, Object> raw) {
    Map<Fact, Object> values = new EnumMap<>(Fact.class);
    if (raw != null) {
      raw.forEach((name, value) -> Fact.named(name).filter(f -> value != null)
          .ifPresent(f -> values.put(f, normalise(value))));
    }
    return new ClinicalFacts(values);
  }

  Boolean bool(Fact fact) {
    return (Boolean) values.get(fact);
  }

  Integer number(Fact fact) {
    Object v = values.get(fact);
    return v == null ? null : ((Number) v).intValue();
  }

  @SuppressWarnings("unchecked")
  List<String> list(Fact fact) {
    return (List<String>) values.get(fact);
  }

  String text(Fact fact) {
    return (String) values.get(fact);
  }

  private static boolean valid(Fact.Type type, Object value) {
    return switch (type) {
      case BOOLEAN -> value instanceof Boolean;
      case TEXT_LIST -> value instanceof List<?> list && list.stream().allMatch(e -> e instanceof String);
      case VISITS -> whole(value) && between(value, 0, 200);
      case COUNT -> whole(value) && between(value, 0, 10_000);
      case AGE -> whole(value) && between(value, 0, 120);
      case WEEKS -> value instanceof Number && between(value, 0, 10_000);
      case PERCENT -> value instanceof Number && between(value, 0, 100);
      case SURGERY_RISK -> value instanceof String s && List.of("LOW", "INTERMEDIATE", "HIGH").contains(s);
    };
  }

  private static boolean whole(Object value) {
    return value instanceof Integer || value instanceof Long
        || value instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0
        || value instanceof Double d && d == Math.floor(d);
  }

  private static boolean between(Object value, double min, double max) {
    double d = ((Number) value).doubleValue();
    return d >= min && d <= max;
  }

  /** Weeks and percentages may be fractional; the criteria compare whole numbers, so they are rounded down. */
  private static Object normalise(Object value) {
    return value instanceof Number n && !(value instanceof Integer) ? n.intValue() : value;
  }
}
