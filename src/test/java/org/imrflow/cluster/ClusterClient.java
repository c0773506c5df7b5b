package org.imrflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Basic calls to one node as one user, the way a client of API.md calls IMRflow, sent once:
 * no request is retried by the client. A request that lost a race with a job (optimistic locking,
 * a database deadlock) is retried on the server, for /api and for the engine's REST API alike;
 * every 5xx answer is counted as a refusal, and the test requires none.
 */
final class ClusterClient {

  static final AtomicInteger REFUSED = new AtomicInteger();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  private final String baseUrl;
  private final String authorization;

  ClusterClient(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  Reply put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** Expects a 2xx and answers the reply; anything else fails the test with what the node said. */
  Reply ok(String method, String path, Object body) {
    Reply reply = send(method, path, body);
    if (reply.status() / 100 != 2) {
      throw new AssertionError(method + " " + baseUrl + path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  private Reply send(String method, String path, Object body) {
    Reply reply = once(method, path, body);
    if (reply.status() >= 500) {
      REFUSED.incrementAndGet();
    }
    return reply;
  }

  private Reply once(String method, String path, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", authorization)
          .header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + baseUrl + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
