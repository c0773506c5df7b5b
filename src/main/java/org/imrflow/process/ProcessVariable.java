package org.imrflow.process;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process or task variable with its name and type in one place, so delegates and tests say
 * {@code CaseProcess.REVIEWER_ID.from(execution)} instead of repeating strings and casts. A date is
 * a {@link LocalDate} in Java and an ISO string in the engine (readable in Cockpit, no serialization).
 */
public record ProcessVariable<T>(String name, Class<?> type) {

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  /** A list of values, e.g. the item indexes that decide-items opens tasks for. */
  public static <E> ProcessVariable<List<E>> listOf(String name, Class<E> element) {
    return new ProcessVariable<>(name, List.class);
  }

  /** Item or group indexes a multi-instance step opens one instance per: stored as text ({@link Indexes}). */
  public static ProcessVariable<List<Integer>> indexes(String name) {
    return new ProcessVariable<>(name, Indexes.class);
  }

  /** A map, e.g. a decision table's single result. */
  public static ProcessVariable<Map<String, Object>> map(String name) {
    return new ProcessVariable<>(name, Map.class);
  }

  /** JSON shown by a form (a dropdown's options, a draft): stored as Spin JSON. */
  public static ProcessVariable<SpinJsonNode> json(String name) {
    return new ProcessVariable<>(name, SpinJsonNode.class);
  }

  /** The value visible from this scope, or null. */
  @SuppressWarnings("unchecked")
  public T from(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (type == LocalDate.class && value instanceof String iso) {
      return (T) LocalDate.parse(iso);
    }
    if (type == Indexes.class) {
      return (T) Indexes.list(value);
    }
    return (T) type.cast(value);
  }

  /** What a client sent, before a guard checked it (TaskInput): any type. */
  public Object raw(VariableScope scope) {
    return scope.getVariable(name);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /**
   * For the current command only (a decision table's inputs, a gateway's answer): visible to the
   * elements and listeners it runs, never written by the engine. One stored by an earlier version
   * of the process stays stored (the engine refuses to make a stored variable transient).
   */
  public void setTransient(VariableScope scope, T value) {
    TypedValue current = scope.getVariableTyped(name);
    if (current != null && !current.isTransient()) {
      set(scope, value);
    } else {
      scope.setVariable(name, Variables.untypedValue(stored(value), true));
    }
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  /** Adds a JSON view (written by Jackson elsewhere) to a form's variables. */
  public VariableMap putJsonIn(VariableMap variables, String json) {
    return variables.putValueTyped(name, SpinValues.jsonValue(json).create());
  }

  /** Adds the value to variables being built for a start, a completion or a message. */
  public VariableMap putIn(VariableMap variables, T value) {
    return variables.putValue(name, stored(value));
  }

  /** The value as the engine stores it. */
  public Object stored(T value) {
    if (type == Indexes.class && value instanceof Collection<?> indexes) {
      return Indexes.text(indexes);
    }
    return value instanceof LocalDate date ? date.toString() : value;
  }
}
