package org.imrflow.security;

import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_HEADER_NAME;
import static org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * /api for a user logged in to the Camunda webapps, on the webapp's session cookie instead of a
 * password: the Cockpit SLA board reads with it, the case file page also uploads with it.
 *
 * <p>A GET is enough by itself, and its answer carries the session's CSRF token (header
 * {@code X-XSRF-TOKEN}, as the webapps hand it to their own pages). A change is taken only with that
 * token in the same header: the webapps' own defence (Camunda's CsrfPreventionFilter checks the same
 * token for their writes), which another site's page cannot read, so a cookie alone never authorizes
 * a change.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** The engine whose webapp login counts (the webapps' URLs name it; CAMUNDA-NOTES: Identity). */
  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() == null) {
      HttpSession session = request.getSession(false);
      UserAuthentication user = webappUser(session);
      boolean read = "GET".equals(request.getMethod());
      if (user != null && (read || carriesTheSessionsToken(request, session))) {
        authenticate(user);
        String token = csrfToken(session);
        if (read && token != null) {
          response.setHeader(CSRF_TOKEN_HEADER_NAME, token);
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static void authenticate(UserAuthentication user) {
    List<GrantedAuthority> groups = user.getGroupIds() == null ? List.of()
        : user.getGroupIds().stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
    SecurityContextHolder.setContext(context);
  }

  private static boolean carriesTheSessionsToken(HttpServletRequest request, HttpSession session) {
    String expected = csrfToken(session);
    String sent = request.getHeader(CSRF_TOKEN_HEADER_NAME);
    // Compared in constant time: how long a wrong guess took must not tell how much of it was right.
    return expected != null && sent != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** The token Camunda's CSRF filter keeps in the webapp session, or null before it made one. */
  private static String csrfToken(HttpSession session) {
    return session != null && session.getAttribute(CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token
        ? token : null;
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
