package org.imrflow.web;

import java.util.List;

/** Input that breaks a rule: answered 400 with every offending field, and nothing is created. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldProblem> errors;

  public InvalidInputException(List<FieldProblem> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  private static String summary(List<FieldProblem> errors) {
    return errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
  }
}
