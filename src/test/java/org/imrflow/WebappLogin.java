package org.imrflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's login to the Camunda webapps (Tasklist) as the browser makes it: the page sets the
 * session and CSRF cookies, the login form posts with the CSRF header. The cookies can then be
 * sent to any node, as a load balancer without sticky sessions would.
 */
public final class WebappLogin {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, String> cookies = new LinkedHashMap<>();

  public static WebappLogin on(String baseUrl, String user, String password) {
    WebappLogin login = new WebappLogin();
    login.send(baseUrl, "GET", "/camunda/app/tasklist/default/", null, null);
    HttpResponse<String> answer = login.send(baseUrl, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    if (answer.statusCode() != 200) {
      throw new AssertionError("login of " + user + " at " + baseUrl + " answered " + answer.statusCode() + ": "
          + answer.body());
    }
    // As Tasklist does next: the logged-in session's first request hands it its own CSRF token.
    login.user(baseUrl);
    return login;
  }

  /** Tasklist's own count of the user's tasks (a POST, so the CSRF token must be valid there too). */
  public int taskCountStatus(String baseUrl) {
    return send(baseUrl, "POST", "/camunda/api/engine/engine/default/task/count", "{}", "application/json").statusCode();
  }

  /** Who the webapp session says is logged in, asked at any node. */
  public HttpResponse<String> user(String baseUrl) {
    return send(baseUrl, "GET", "/camunda/api/admin/auth/user/default", null, null);
  }

  /** A JSON request of the webapps (Tasklist submitting a form: /camunda/api/engine/engine/default/task/{id}/submit-form). */
  public HttpResponse<String> post(String baseUrl, String path, String json) {
    return send(baseUrl, "POST", path, json, "application/json");
  }

  /** The webapps' CSRF token of this session, as their cookie holds it. */
  public String csrfToken() {
    return cookies.get("XSRF-TOKEN");
  }

  /**
   * A request of a page outside the webapps (the case file page) on this login: the session's cookies,
   * and the CSRF header only when {@code csrfToken} is given (that page cannot read the webapps' cookie).
   */
  public HttpResponse<String> outsideTheWebapps(String baseUrl, String method, String path, String json,
      String csrfToken) {
    return send(baseUrl, method, path, json, "application/json", csrfToken);
  }

  private HttpResponse<String> send(String baseUrl, String method, String path, String body, String contentType) {
    return send(baseUrl, method, path, body, contentType, csrfToken());
  }

  private HttpResponse<String> send(String baseUrl, String method, String path, String body, String contentType,
      String csrfToken) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json");
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (csrfToken != null) {
        request.header("X-XSRF-TOKEN", csrfToken);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(header -> {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      });
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
