package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api answer carries protected health information, so every one - success, refusal, 401 -
 * must keep browsers and proxies from caching, sniffing, framing or leaking it in a referrer. The
 * endpoints are read from Spring MVC's own mappings, so an endpoint added later is checked too.
 */
@IntegrationTest
class ApiSecurityHeadersTest {

  /** Path variables get values that name nothing: no call below can change data. */
  private static final String NO_SUCH_ID = "CM99-9999999";
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  record Call(HttpMethod method, String path) {
  }

  @Test
  void everyApiEndpointAnswersWithTheSecurityHeaders() {
    Api api = new Api(rest);
    List<Call> calls = apiCalls();
    assertThat(calls).as("the /api endpoints found").hasSizeGreaterThanOrEqualTo(15);
    List<String> missing = new ArrayList<>();
    for (Call call : calls) {
      String body = call.method() == HttpMethod.GET ? null : "{}";
      // as the administrator, who may call everything, and with no credentials at all
      for (String user : new String[] {"demo", null}) {
        ResponseEntity<String> answer = api.exchange(user, call.method(), call.path(), body, MediaType.ALL);
        List<String> problems = problems(answer.getHeaders());
        if (user == null && answer.getStatusCode().value() != 401) {
          problems.add("answered " + answer.getStatusCode().value() + " without credentials");
        }
        if (!problems.isEmpty()) {
          missing.add(call.method() + " " + call.path() + " as " + user + " (" + answer.getStatusCode().value()
              + "): " + problems);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void aBadPasswordIsA401ProblemWithTheHeaders() {
    // A user of this test only: Camunda delays the next logins of a user after a wrong password,
    // which would refuse the demo users' right passwords in the tests that follow.
    String user = "headers-" + UUID.randomUUID().toString().substring(0, 8);
    User account = identity.newUser(user);
    account.setPassword(user);
    identity.saveUser(account);
    identity.createMembership(user, Groups.MANAGERS);
    ResponseEntity<String> answer = new Api(rest).get(user + ":wrong", "/api/sla");
    assertThat(answer.getStatusCode().value()).isEqualTo(401);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(Api.json(answer).get("status").asInt()).isEqualTo(401);
    assertThat(problems(answer.getHeaders())).isEmpty();
  }

  @Test
  void theApiCreatesNoSession() {
    ResponseEntity<String> answer = new Api(rest).get("manager", "/api/sla");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
  }

  @Test
  void theWebappsAndHealthAreLeftToThemselves() {
    // Spring Security's headers would forbid what Camunda's webapps set for themselves; their
    // absence shows its filter stays off those URLs.
    ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getHeaders().getFirst("Referrer-Policy")).isNull();
    ResponseEntity<String> tasklist = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(tasklist.getStatusCode().value()).isEqualTo(200);
    assertThat(tasklist.getHeaders().getFirst("Referrer-Policy")).isNull();
  }

  static List<String> problems(HttpHeaders headers) {
    List<String> problems = new ArrayList<>();
    String cacheControl = String.valueOf(headers.getCacheControl());
    if (!cacheControl.contains("no-store")) {
      problems.add("Cache-Control " + cacheControl);
    }
    if (!"nosniff".equals(headers.getFirst("X-Content-Type-Options"))) {
      problems.add("X-Content-Type-Options " + headers.getFirst("X-Content-Type-Options"));
    }
    String csp = String.valueOf(headers.getFirst("Content-Security-Policy"));
    if (!"DENY".equals(headers.getFirst("X-Frame-Options")) && !csp.contains("frame-ancestors 'none'")) {
      problems.add("X-Frame-Options " + headers.getFirst("X-Frame-Options") + ", CSP " + csp);
    }
    if (!"no-referrer".equals(headers.getFirst("Referrer-Policy"))) {
      problems.add("Referrer-Policy " + headers.getFirst("Referrer-Policy"));
    }
    return problems;
  }

  private List<Call> apiCalls() {
    Set<Call> calls = new LinkedHashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.equals("/api")) {
          continue;
        }
        String path = concrete(pattern);
        if (methods.isEmpty()) {
          calls.add(new Call(HttpMethod.GET, path));
        }
        for (RequestMethod method : methods) {
          calls.add(new Call(HttpMethod.valueOf(method.name()), path));
        }
      }
    }
    return List.copyOf(calls);
  }

  private static String concrete(String pattern) {
    Matcher variable = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String name = variable.group(1).split(":")[0];
      variable.appendReplacement(path, name.toLowerCase().contains("case") ? NO_SUCH_ID : "no-such-" + name);
    }
    variable.appendTail(path);
    return path.toString().replace("/**", "/x");
  }
}
