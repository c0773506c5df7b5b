package org.imrflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads on /api by a user logged in to the Camunda webapps: the Cockpit SLA board calls /api with
 * the webapp's session cookie, not with a password. Only GET: a session cookie never authorizes a
 * change (the webapps guard their own writes with a CSRF token that /api does not know).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** The engine whose webapp login counts (the webapps' URLs name it; CAMUNDA-NOTES: Identity). */
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) && SecurityContextHolder.getContext().getAuthentication() == null) {
      UserAuthentication user = webappUser(request.getSession(false));
      if (user != null) {
        List<GrantedAuthority> groups = user.getGroupIds() == null ? List.of()
            : user.getGroupIds().stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  private static UserAuthentication webappUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication instanceof UserAuthentication user && user.getName() != null ? user : null;
  }
}
