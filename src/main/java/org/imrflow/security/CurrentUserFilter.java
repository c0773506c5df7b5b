package org.imrflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to {@link CurrentUser}, which the features read
 * (the same class tells them who acts in Tasklist or a job), for the length of the request.
 */
class CurrentUserFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    CurrentUser.set(new CurrentUser.User(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
    try {
      chain.doFilter(request, response);
    } finally {
      CurrentUser.clear();
    }
  }
}
