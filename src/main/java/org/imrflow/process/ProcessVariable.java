package org.imrflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and type in one place, so delegates and tests say
 * {@code CaseProcess.REVIEWER_ID.from(execution)} instead of repeating strings and casts.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** The value visible from this scope, or null. */
  public T from(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }
}
