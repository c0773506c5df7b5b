package org.imrflow.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** One invalid input field, as problem+json's {@code errors} lists it (API.md §4). */
public record FieldProblem(String field, String message) {

  /**
   * A received, certified or document date after today in California by the business clock
   * ({@code @PastOrPresent}, see cases.BusinessClockValidation): the one wording for all of them.
   */
  public static final String NOT_IN_FUTURE = "must not be in the future";

  /**
   * Bean Validation's violations as the API names fields: Hibernate Validator writes list elements
   * as {@code items[0].<list element>}, the API as {@code items[0]}.
   */
  /** A constraint's path as API.md §4 names fields: {@code disputedItems[0].description}. */
  public static String fieldName(String path) {
    return path.replace(".<list element>", "").replace("<list element>", "");
  }

  /** Violations of a method's arguments: fields named from inside the argument, as API.md §4 does. */
  public static List<FieldProblem> ofArguments(Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> {
          StringBuilder field = new StringBuilder();
          for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                || node.getKind() == ElementKind.PARAMETER) {
              continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            String index = node.isInIterable() ? "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]" : "";
            field.append(index);
            if (field.length() > 0 && !name.isEmpty()) {
              field.append('.');
            }
            field.append(name);
          }
          return new FieldProblem(fieldName(field.toString()), v.getMessage());
        })
        .sorted(Comparator.comparing(FieldProblem::field))
        .collect(Collectors.toList());
  }

  public static List<FieldProblem> of(Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new FieldProblem(fieldName(v.getPropertyPath().toString()), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .collect(Collectors.toList());
  }
}
