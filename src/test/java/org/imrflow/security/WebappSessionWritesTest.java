package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.WebappLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page outside the webapps (the case file page) writes to /api on the Tasklist login: a read on the
 * session answers the webapps' CSRF token, a change is taken with that token and refused without it,
 * so another site that makes the browser send the session cookie changes nothing.
 */
@IntegrationTest
class WebappSessionWritesTest {

  private static final String TOKEN = "X-XSRF-TOKEN";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;

  @Test
  void aReadHandsTheSessionsTokenAndAChangeWithItIsTaken() {
    WebappLogin coordinator = WebappLogin.on(base(), "coordinator", "coordinator");

    HttpResponse<String> read = coordinator.outsideTheWebapps(base(), "GET", "/api/reviewers/dr-okafor", null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    String token = read.headers().firstValue(TOKEN).orElse(null);
    assertThat(token).as("the webapps' own token of this session").isNotBlank().isEqualTo(coordinator.csrfToken());

    HttpResponse<String> created = coordinator.outsideTheWebapps(base(), "POST", "/api/cases",
        TestCases.text(TestCases.unique("seed-pt-exceeds")), token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue(TOKEN)).as("a change's answer hands out nothing").isEmpty();
  }

  @Test
  void aChangeOnTheSessionWithoutItsOwnTokenIsRefusedAndCreatesNothing() {
    WebappLogin coordinator = WebappLogin.on(base(), "coordinator", "coordinator");
    WebappLogin another = WebappLogin.on(base(), "coordinator", "coordinator");
    String application = TestCases.text(TestCases.unique("seed-pt-exceeds"));

    for (String token : new String[] {null, "", another.csrfToken(), coordinator.csrfToken() + "0"}) {
      HttpResponse<String> refused = coordinator.outsideTheWebapps(base(), "POST", "/api/cases", application, token);
      assertThat(refused.statusCode()).as("a change with the token %s", token).isEqualTo(401);
    }
    // Nothing was made: the same application is new to intake (a case made above would answer 409).
    assertThat(new Api(rest).post("coordinator", "/api/cases", application).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void theSessionsTokenMakesNoChangeOfSomeoneWhoMayNotMakeIt() {
    WebappLogin manager = WebappLogin.on(base(), "manager", "manager");
    HttpResponse<String> refused = manager.outsideTheWebapps(base(), "POST", "/api/cases",
        TestCases.text(TestCases.unique("seed-pt-exceeds")), manager.csrfToken());
    assertThat(refused.statusCode()).as("managers do not take in applications").isEqualTo(403);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
