package org.imrflow.security;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Nothing without authentication (API.md §3).
 *
 * <p>/api runs through Spring Security: HTTP Basic against Camunda's identity service
 * ({@link CamundaIdentityAuthenticationProvider}), or the session of a user logged in to the Camunda
 * webapps (the Cockpit SLA board, the case file page: {@link WebappSessionAuthenticationFilter}, which
 * takes a change only with the webapps' CSRF token); its answers
 * carry protected health information, so they get Spring Security's headers (no caching, no sniffing,
 * no framing) and no referrer. Which group may do what stays in {@link Access}, next to the data.
 *
 * <p>/engine-rest keeps Camunda's own HTTP Basic filter, which also makes the engine apply its
 * authorizations to the caller. The webapps (/camunda) keep their own session login and CSRF, and
 * /actuator/health stays open: Spring Security's filter is registered for /api only, so its firewall
 * and defaults never see their requests.
 */
@Configuration
class SecurityConfig {

  static final String API = "/api/**";

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint();
    return http
        .securityMatcher(API)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
        .addFilterAfter(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterBefore(new CurrentUserFilter(), AuthorizationFilter.class)
        // Every request authenticates itself: nothing kept in or done to a session (the webapps' own
        // session must keep its id), no CSRF token of Spring's (a session authenticates a write only
        // with the webapps' own token, checked by WebappSessionAuthenticationFilter), no login page,
        // no saved request to return to.
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(AbstractHttpConfigurer::disable)
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        // Defaults kept: Cache-Control no-store (with no-cache, max-age=0, must-revalidate),
        // X-Content-Type-Options nosniff, X-Frame-Options DENY, HSTS over HTTPS.
        .headers(headers -> headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
        .build();
  }

  /**
   * Boot registers Spring Security's filter for every URL, and its firewall would then judge the
   * webapps', the engine REST API's and actuator's requests too (rejecting, say, an encoded slash
   * in a variable name): narrow it to /api, the only URLs it secures.
   */
  @Bean
  static BeanPostProcessor securityFilterOnApiOnly() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        // The bean of SecurityFilterAutoConfiguration#securityFilterChainRegistration
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration
            && "securityFilterChainRegistration".equals(beanName)) {
          registration.setUrlPatterns(List.of("/api/*"));
        }
        return bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
