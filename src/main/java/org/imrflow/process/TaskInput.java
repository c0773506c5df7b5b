package org.imrflow.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads what a user task was completed with and refuses the completion, naming every problem,
 * when something is missing or invalid. The forms' own checks run only in the browser; this runs
 * for Tasklist, /engine-rest and Java alike. The engine REST API answers the refusal with 400 and
 * the task stays open.
 */
public final class TaskInput {

  private final DelegateTask task;
  private final List<String> problems = new ArrayList<>();

  private TaskInput(DelegateTask task) {
    this.task = task;
  }

  public static TaskInput of(DelegateTask task) {
    return new TaskInput(task);
  }

  /**
   * Removes form values once the guard has kept them in the case's own tables (or refused them).
   * Set and removed in the command that completes the task, they are never written by the engine:
   * no variable row inserted, updated and deleted per field, and no scope kept to hold them.
   */
  public void forget(ProcessVariable<?>... variables) {
    for (ProcessVariable<?> variable : variables) {
      task.removeVariable(variable.name());
    }
  }

  /** Non-blank text of at most {@code maxLength} characters. */
  public String text(ProcessVariable<?> variable, int maxLength) {
    Object value = variable.raw(task);
    if (value == null || value.toString().isBlank()) {
      problems.add(variable.name() + " is required");
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(variable.name() + " must be text");
      return null;
    }
    if (text.length() > maxLength) {
      problems.add(variable.name() + " must be at most " + maxLength + " characters");
      return null;
    }
    return text.trim();
  }

  public String optionalText(ProcessVariable<?> variable, int maxLength) {
    Object value = variable.raw(task);
    return value == null || value.toString().isBlank() ? null : text(variable, maxLength);
  }

  /** One of an enumeration's values (case-insensitive). */
  public <E extends Enum<E>> E choice(ProcessVariable<?> variable, Class<E> type) {
    Object value = variable.raw(task);
    if (value == null || value.toString().isBlank()) {
      problems.add(variable.name() + " is required: one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(variable.name() + " must be one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  /** A Boolean, or the text "true"/"false" that a form's radio buttons submit. */
  public Boolean yesNo(ProcessVariable<?> variable) {
    Object value = variable.raw(task);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    problems.add(variable.name() + (value == null ? " is required" : " must be true or false"));
    return null;
  }

  /** A date (ISO yyyy-MM-dd, as a form's datetime field submits it, or a LocalDate). */
  public LocalDate date(ProcessVariable<LocalDate> variable) {
    Object value = variable.raw(task);
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value == null || value.toString().isBlank()) {
      problems.add(variable.name() + " is required");
      return null;
    }
    try {
      return LocalDate.parse(value.toString().trim());
    } catch (DateTimeParseException e) {
      problems.add(variable.name() + " must be a date (yyyy-MM-dd)");
      return null;
    }
  }

  public void refuse(String problem) {
    problems.add(problem);
  }

  /** Throws when anything was missing or invalid: the completion is rolled back. */
  public void check() {
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(List.copyOf(problems),
          "'" + task.getName() + "' cannot be completed: " + String.join("; ", problems));
    }
  }
}
