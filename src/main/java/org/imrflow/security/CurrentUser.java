package org.imrflow.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the user of an /api request, or the engine's authenticated user
 * (Tasklist, /engine-rest), or nobody (the job executor: "system").
 */
@Component
public class CurrentUser {

  public record User(String id, List<String> groups) {
    public boolean in(String... anyOf) {
      for (String group : anyOf) {
        if (groups.contains(group)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final ThreadLocal<User> API_USER = new ThreadLocal<>();

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static void set(User user) {
    API_USER.set(user);
  }

  public static void clear() {
    API_USER.remove();
  }

  public Optional<User> get() {
    User api = API_USER.get();
    if (api != null) {
      return Optional.of(api);
    }
    Authentication engine = identityService.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return Optional.of(new User(engine.getUserId(),
          engine.getGroupIds() == null ? List.of() : List.copyOf(engine.getGroupIds())));
    }
    return Optional.empty();
  }

  public String idOrSystem() {
    return get().map(User::id).orElse("system");
  }
}
