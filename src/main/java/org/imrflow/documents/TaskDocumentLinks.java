package org.imrflow.documents;

import static org.imrflow.process.CaseProcess.Element.ASSIGN_REVIEWER;
import static org.imrflow.process.CaseProcess.Element.ATTEST_NO_CONFLICT;
import static org.imrflow.process.CaseProcess.Element.CHASE_OVERDUE_RECORDS;
import static org.imrflow.process.CaseProcess.Element.DECIDE_ITEM;
import static org.imrflow.process.CaseProcess.Element.WRITE_CASE_SUMMARY;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskView;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The case's documents as links in the forms of the case file's readers (the reviewer's attest,
 * summary and decide-item; the coordinator's assignment and overdue records): {@code caseFileDocuments},
 * as the case file is when the form loads.
 */
@Component
class TaskDocumentLinks implements TaskView {


  private static final Set<String> TASKS = Stream.of(ASSIGN_REVIEWER, CHASE_OVERDUE_RECORDS, ATTEST_NO_CONFLICT,
      WRITE_CASE_SUMMARY, DECIDE_ITEM).map(e -> e.id).collect(Collectors.toUnmodifiableSet());

  private final CaseFile caseFile;

  TaskDocumentLinks(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @Override
  public Set<String> tasks() {
    return TASKS;
  }

  @Override
  public void show(DelegateTask task, VariableMap form) {
    CaseProcess.CASE_FILE_DOCUMENTS.putIn(form, caseFile.markdownLinks(CaseProcess.CASE_NUMBER.from(task)));
  }
}
