package org.imrflow.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.imrflow.process.EngineSessions;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks, with one change of order: whether a person may work on a task
 * (complete it, submit its form) is first asked of the grant the engine itself gives the task's assignee
 * and candidate groups, the default task permission on the task. The engine asks for any of four grants
 * at once (TASK_WORK or UPDATE, on the task or on its process definition) in one statement that MyBatis
 * builds anew at every completion from nested loops, over a millisecond of CPU each. Where no revoke
 * authorization concerns the person, any one grant of the four lets them work, so the task's grant is the
 * engine's own answer; otherwise, or without that grant, the engine's whole check runs and refuses as before.
 */
class TaskGrantFirstChecker extends AuthorizationCommandChecker {

  @Override
  public void checkTaskWork(TaskEntity task) {
    if (task.getExecutionId() == null || !((Manager) getAuthorizationManager()).grantsWorkByTheTasksOwnGrant(task)) {
      super.checkTaskWork(task);
    }
  }

  /** The engine's authorization manager, which can also say whether a task's own grant settles the check. */
  static class Manager extends AuthorizationManager {

    boolean grantsWorkByTheTasksOwnGrant(TaskEntity task) {
      Authentication who = getCurrentAuthentication();
      return isAuthorizationEnabled() && who != null && who.getUserId() != null
          // A revoke (of TASK_WORK on the task, say) outranks a grant that the engine's check asks for later.
          && !isRevokeAuthCheckEnabled(who.getUserId(), who.getGroupIds())
          && isAuthorized(Context.getProcessEngineConfiguration().getDefaultUserPermissionForTask(), Resources.TASK,
              task.getId());
    }
  }

  /** Puts the checker and its manager in the engine's place, beside its tenant checks. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new TaskGrantFirstChecker())));
      EngineSessions.replace(configuration, AuthorizationManager.class, Manager::new);
    }
  }
}
