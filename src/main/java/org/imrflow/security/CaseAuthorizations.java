package org.imrflow.security;

import org.imrflow.process.Privileged;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * A reviewer's access to one case (API.md §3): granted when they are assigned, revoked when they
 * decline or the case closes. Their tasks are theirs through Camunda's assignee authorizations.
 */
@Component
public class CaseAuthorizations {

  private final AuthorizationService authorizations;

  public CaseAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grantReviewer(String processInstanceId, String userId) {
    Privileged.run(() -> {
      if (find(processInstanceId, userId) == null) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(processInstanceId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
    });
  }

  public void revokeReviewer(String processInstanceId, String userId) {
    Privileged.run(() -> {
      Authorization grant = find(processInstanceId, userId);
      if (grant != null) {
        authorizations.deleteAuthorization(grant.getId());
      }
    });
  }

  private Authorization find(String processInstanceId, String userId) {
    return authorizations.createAuthorizationQuery()
        .userIdIn(userId)
        .resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(processInstanceId)
        .singleResult();
  }
}
