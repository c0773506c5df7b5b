package org.imrflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Cockpit SLA board plugin as Cockpit loads it: our config.js in place of the webjar's, the
 * plugin module beside it, and IMRflow's API answering the session of a user logged in to Cockpit,
 * which is how the plugin reads it (fetch with the session cookie, no credentials in the page).
 */
@IntegrationTest
class CockpitPluginTest {

  static final String CONFIG = "/camunda/app/cockpit/scripts/config.js";
  static final String PLUGIN = "/camunda/app/cockpit/sla/sla-plugin.js";

  @Autowired TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void cockpitLoadsOurConfigurationNamingThePlugin() {
    ResponseEntity<String> config = rest.getForEntity(CONFIG, String.class);
    assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertJavaScript(config);
    assertThat(config.getBody()).contains("customScripts: ['sla/sla-plugin']");
  }

  @Test
  void thePluginModuleIsServedAsJavaScript() {
    ResponseEntity<String> plugin = rest.getForEntity(PLUGIN, String.class);
    assertThat(plugin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertJavaScript(plugin);
    assertThat(plugin.getBody())
        .contains("export default [")
        .contains("pluginPoint: 'cockpit.navigation'", "pluginPoint: 'cockpit.route'", "pluginPoint: 'cockpit.dashboard'")
        .contains("properties: { path: '/sla' }")
        .contains("credentials: 'same-origin'")
        .contains("'/sla?page='", "'/sla/summary'", "'/reports/monthly?month='")
        .contains("'#/process-instance/'");
  }

  @Test
  void theApiAnswersTheCockpitSessionOfAManager() throws Exception {
    String cookies = cockpitLogin("manager", "manager");

    for (String path : List.of("/api/sla/summary", "/api/sla?size=5", "/api/reports/monthly?month=2019-06")) {
      ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(cookieHeader(cookies)),
          String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }
    JsonNode summary = json.readTree(rest.exchange("/api/sla/summary", HttpMethod.GET,
        new HttpEntity<>(cookieHeader(cookies)), String.class).getBody());
    assertThat(summary.has("BREACHED") && summary.has("AT_RISK") && summary.has("ON_TRACK")).isTrue();

    // the session alone never writes: a POST with its cookie but without the CSRF token is refused
    HttpHeaders post = cookieHeader(cookies);
    post.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>("{}", post), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // and without the session there is nothing to read
    assertThat(rest.getForEntity("/api/sla/summary", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static void assertJavaScript(ResponseEntity<String> response) {
    MediaType type = response.getHeaders().getContentType();
    assertThat(type).isNotNull();
    assertThat(type.getSubtype()).isEqualTo("javascript");
  }

  /** Logs in to Cockpit as its login page does, and answers the session's cookies. */
  private String cockpitLogin(String user, String password) {
    Map<String, String> jar = new LinkedHashMap<>();
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
    keep(jar, page);
    HttpHeaders headers = cookieHeader(join(jar));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    if (jar.containsKey("XSRF-TOKEN")) {
      headers.set("X-XSRF-TOKEN", jar.get("XSRF-TOKEN"));
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as("Cockpit login: %s", login.getBody()).isEqualTo(HttpStatus.OK);
    keep(jar, login);
    assertThat(jar).containsKey("JSESSIONID");
    return join(jar);
  }

  private static void keep(Map<String, String> jar, ResponseEntity<?> response) {
    List<String> set = response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    for (String header : set) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        jar.put(cookie.getName(), cookie.getValue());
      }
    }
  }

  private static String join(Map<String, String> jar) {
    return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
  }

  private static HttpHeaders cookieHeader(String cookies) {
    HttpHeaders headers = new HttpHeaders();
    if (!cookies.isEmpty()) {
      headers.set(HttpHeaders.COOKIE, cookies);
    }
    return headers;
  }
}
