package org.imrflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist submits forms through the webapps' own engine API, which answers IMRflow's refusals as
 * server errors wrapped in engine messages. This filter answers them as the engine REST API does
 * (see {@link TaskRefusalMapper}): 400 with the refusal's own words, which Tasklist shows the user.
 */
@Configuration
class WebappTaskRefusals {

  /** The refusals of {@link TaskInput} and of the start form, inside the engine's wrapper. */
  static final Pattern REFUSAL = Pattern.compile(
      "Exception while invoking (?:TaskListener|ExecutionListener): ('[^']*' cannot be completed: .*"
          + "|The application cannot be registered: .*)'");

  @Bean
  FilterRegistrationBean<RefusalFilter> webappRefusals() {
    var registration = new FilterRegistrationBean<>(new RefusalFilter());
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }

  static final class RefusalFilter extends OncePerRequestFilter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String uri = request.getRequestURI();
      return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
        String message = message(wrapper.getContentAsByteArray());
        Matcher refusal = REFUSAL.matcher(message);
        if (refusal.find()) {
          wrapper.resetBuffer();
          wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          wrapper.setContentType("application/json");
          MAPPER.writeValue(wrapper.getOutputStream(), Map.of("type", "InvalidTaskInput", "message", refusal.group(1)));
        }
      }
      wrapper.copyBodyToResponse();
    }

    private static String message(byte[] body) {
      try {
        JsonNode json = MAPPER.readTree(body);
        return json != null && json.hasNonNull("message") ? json.get("message").asText() : "";
      } catch (IOException notJson) {
        return "";
      }
    }
  }
}
