package org.imrflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The groups of API.md §2 and what Camunda lets each do, created at every start and only where
 * missing (so a restart, or a second node, changes nothing):
 * coordinators start cases and work intake and assignment; reviewers see only the tasks and
 * cases assigned to them; managers read everything and work escalations; admins do all.
 */
@Component
public class IdentitySetup {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public IdentitySetup(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public void ensureGroupsAndAuthorizations() {
    group(Groups.ADMIN, "Camunda administrators", "SYSTEM");
    group(Groups.COORDINATORS, "Case coordinators", "WORKFLOW");
    group(Groups.REVIEWERS, "Expert reviewers", "WORKFLOW");
    group(Groups.MANAGERS, "Managers", "WORKFLOW");
    group(Groups.QUALITY_REVIEWERS, "Quality reviewers", "WORKFLOW");

    for (Resource resource : Resources.values()) {
      grant(Groups.ADMIN, resource, ANY, Permissions.ALL);
    }

    grant(Groups.COORDINATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.COORDINATORS, Resources.PROCESS_DEFINITION, CaseProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY);
    grant(Groups.COORDINATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(Groups.COORDINATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);

    grant(Groups.REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.REVIEWERS, Resources.PROCESS_DEFINITION, CaseProcess.KEY, Permissions.READ);

    // Quality reviewers work the quality-review tasks offered to their group, and nothing else.
    grant(Groups.QUALITY_REVIEWERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // READ_INSTANCE: Tasklist lists each task with its case number, a process variable.
    grant(Groups.QUALITY_REVIEWERS, Resources.PROCESS_DEFINITION, CaseProcess.KEY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE);

    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_INSTANCE,
        ProcessDefinitionPermissions.RETRY_JOB);
    grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.UPDATE,
        ProcessInstancePermissions.RETRY_JOB);
    grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Groups.MANAGERS, Resources.TASK, ANY, Permissions.READ);
    log.info("Groups and authorizations in place");
  }

  /** A user's own profile, which Tasklist reads to show who is logged in. */
  public void ensureOwnUserAccess(String userId) {
    grantUser(userId, Resources.USER, userId, Permissions.READ);
  }

  private void group(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    save(existing, a -> a.setGroupId(groupId), resource, resourceId, permissions);
  }

  private void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .userIdIn(userId).resourceType(resource).resourceId(resourceId).singleResult();
    save(existing, a -> a.setUserId(userId), resource, resourceId, permissions);
  }

  private void save(Authorization existing, Consumer<Authorization> owner, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      owner.accept(authorization);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission p : permissions) {
      authorization.addPermission(p);
    }
    authorizations.saveAuthorization(authorization);
  }
}
