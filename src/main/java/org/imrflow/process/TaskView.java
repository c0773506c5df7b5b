package org.imrflow.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * What a task's form shows that the process does not need (the case file, a dropdown's options, the
 * guideline findings, the draft letter): computed when the form loads ({@link TaskFormViews}), never
 * stored on the task, so a case writes and deletes no view variables and a form shows the case as
 * it is now.
 */
public interface TaskView {

  /** The ids of the user tasks whose forms show this view. */
  Set<String> tasks();

  /** Puts the view's variables, named as the form names them; reads only, never writes. */
  void show(DelegateTask task, VariableMap form);
}
