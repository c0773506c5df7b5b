package org.imrflow.deadlines;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.security.Groups;
import org.springframework.stereotype.Component;

/** The Tasklist filters each group starts its day with, created once (by name) at start. */
@Component
public class TaskFilters {

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TaskFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  /** Filter colours are the colour of the filter's name in Tasklist's list: 4.5:1 on white or better (WCAG AA). */
  public void ensure() {
    ensure("Applications to screen", Groups.COORDINATORS, -10, "#1f5f9e",
        "Everything waiting for the coordinators, oldest first",
        tasks.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks().orderByTaskCreateTime().asc());
    ensure("Reviewer assignment", Groups.COORDINATORS, -9, "#1f5f9e",
        "Cases with complete records that need a conflict-free reviewer, by due date",
        tasks.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks()
            .taskDefinitionKey(Element.ASSIGN_REVIEWER.id).orderByDueDate().asc());
    ensure("Records overdue", Groups.COORDINATORS, -8, "#b52b27",
        "Cases whose medical records are late: proceed with what was received, or keep chasing",
        tasks.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).includeAssignedTasks()
            .taskDefinitionKey(Element.CHASE_OVERDUE_RECORDS.id).orderByDueDate().asc());
    ensure("My reviews by due date", Groups.REVIEWERS, -10, "#2d6e2d",
        "The cases assigned to me, most urgent first",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure("Quality review", Groups.QUALITY_REVIEWERS, -10, "#8a5a00",
        "Decided cases waiting for a quality review before their letter, by due date",
        tasks.createTaskQuery().taskCandidateGroup(Groups.QUALITY_REVIEWERS).includeAssignedTasks()
            .taskDefinitionKey(Element.QUALITY_REVIEW.id).orderByDueDate().asc());
    ensure("SLA breaches", Groups.MANAGERS, -10, "#b52b27",
        "Cases past their statutory deadline that need a manager",
        tasks.createTaskQuery().taskCandidateGroup(Groups.MANAGERS).includeAssignedTasks()
            .taskDefinitionKey(Element.EXPEDITE_OVERDUE_CASE.id).orderByDueDate().asc());
  }

  private void ensure(String name, String group, int priority, String color, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      filter.setQuery(query);
      // Every task of a case has the same name: the list shows each task's case number.
      filter.setProperties(Map.of("description", description, "priority", priority, "color", color,
          "refresh", true, "variables", List.of(Map.of("name", CaseProcess.CASE_NUMBER.name(), "label", "Case"))));
      filters.saveFilter(filter);
    }
    boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
        .resourceId(filter.getId()).count() > 0;
    if (!granted) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }
}
