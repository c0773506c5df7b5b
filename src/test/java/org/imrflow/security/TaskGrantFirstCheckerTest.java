package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.imrflow.OwnEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskGrantFirstChecker} on an engine of its own with authorization on: whoever the engine
 * lets work on a task works on it, through the task's own grant or the engine's whole check, and
 * nobody else does.
 */
class TaskGrantFirstCheckerTest {

  private ProcessEngine engine;
  private TaskService tasks;
  private String taskId;

  @BeforeEach
  void aTaskAssignedToTheWorkerAndOfferedToTheWorkers() {
    StandaloneInMemProcessEngineConfiguration configuration = OwnEngine.with("grant-first", new TaskGrantFirstChecker.Plugin());
    configuration.setAuthorizationEnabled(true);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("work.bpmn",
        Bpmn.createExecutableProcess("work").camundaHistoryTimeToLive(1)
            .startEvent().userTask("do-it").camundaAssignee("worker").camundaCandidateGroups("workers").endEvent()
            .done()).deploy();
    String pi = engine.getRuntimeService().startProcessInstanceByKey("work").getId();
    tasks = engine.getTaskService();
    taskId = tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  @AfterEach
  void closeTheEngine() {
    engine.close();
  }

  @Test
  void theEngineRunsTheChecker() {
    StandaloneInMemProcessEngineConfiguration configuration =
        (StandaloneInMemProcessEngineConfiguration) engine.getProcessEngineConfiguration();
    assertThat(configuration.getCommandCheckers()).hasAtLeastOneElementOfType(TaskGrantFirstChecker.class)
        .noneMatch(c -> c.getClass() == AuthorizationCommandChecker.class);
    Command<AuthorizationManager> manager = context -> context.getAuthorizationManager();
    assertThat((Object) configuration.getCommandExecutorTxRequired().execute(manager))
        .isInstanceOf(TaskGrantFirstChecker.Manager.class);
  }

  @Test
  void theAssigneeCompletesTheirTask() {
    assertThat(completeAs("worker")).isTrue();
  }

  @Test
  void aCandidateGroupsMemberCompletesTheTask() {
    assertThat(completeAs("colleague", "workers")).isTrue();
  }

  @Test
  void aGrantOnTheProcessDefinitionAloneStillLetsAPersonWork() {
    grant("lead", Resources.PROCESS_DEFINITION, "work", ProcessDefinitionPermissions.TASK_WORK);
    assertThat(completeAs("lead")).isTrue();
  }

  @Test
  void aGrantOfAnotherTaskOrPermissionLetsNobodyWork() {
    grant("reader", Resources.TASK, taskId, Permissions.READ);
    grant("other", Resources.TASK, "another-task", Permissions.UPDATE);
    assertThat(completeAs("reader")).isFalse();
    assertThat(completeAs("other", "others")).isFalse();
    assertThat(completeAs("stranger")).isFalse();
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
  }

  @Test
  void aRevokeOutranksTheTasksOwnGrantAsInTheEngine() {
    authorize(Authorization.AUTH_TYPE_REVOKE, "worker", Resources.TASK, taskId,
        revoke -> revoke.removePermission(Permissions.TASK_WORK));
    assertThat(completeAs("worker")).isFalse();
    assertThat(completeAs("colleague", "workers")).isTrue();
  }

  /** Completes the task as the user with the groups: true if done, false if the engine refused. */
  private boolean completeAs(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
    try {
      tasks.complete(taskId);
      return true;
    } catch (AuthorizationException refused) {
      return false;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void grant(String user, Resources resource, String resourceId, Permission permission) {
    authorize(Authorization.AUTH_TYPE_GRANT, user, resource, resourceId, grant -> grant.addPermission(permission));
  }

  private void authorize(int type, String user, Resources resource, String resourceId,
      Consumer<Authorization> permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    permissions.accept(authorization);
    authorizations.saveAuthorization(authorization);
  }
}
