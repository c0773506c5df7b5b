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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a task of the case file's readers opens (the reviewer's attest, summary and decide-item; the
 * coordinator's assignment and overdue records), it gets the case's documents as links: the task
 * variable {@code caseFileDocuments}, shown by the forms. Through the engine's eventing bridge, so
 * that the process model carries no listener for it.
 */
@Component
class TaskDocumentLinks {


  private static final Set<String> TASKS = Stream.of(ASSIGN_REVIEWER, CHASE_OVERDUE_RECORDS, ATTEST_NO_CONFLICT,
      WRITE_CASE_SUMMARY, DECIDE_ITEM).map(e -> e.id).collect(Collectors.toUnmodifiableSet());

  private final CaseFile caseFile;

  TaskDocumentLinks(CaseFile caseFile) {
    this.caseFile = caseFile;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    if (TASKS.contains(task.getTaskDefinitionKey())) {
      CaseProcess.CASE_FILE_DOCUMENTS.setLocal(task, caseFile.markdownLinks(CaseProcess.CASE_NUMBER.from(task)));
    }
  }
}
