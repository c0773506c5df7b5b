package org.imrflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP calls to a running IMRflow as a given user, the way an outside client makes them. */
public final class Api {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TestRestTemplate rest;

  public Api(TestRestTemplate rest) {
    this.rest = rest;
  }

  public ResponseEntity<String> get(String user, String path) {
    return exchange(user, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
  }

  public ResponseEntity<String> get(String user, String path, MediaType accept) {
    return exchange(user, HttpMethod.GET, path, null, accept);
  }

  public ResponseEntity<String> post(String user, String path, String json) {
    return exchange(user, HttpMethod.POST, path, json, MediaType.APPLICATION_JSON);
  }

  public ResponseEntity<String> put(String user, String path, String json) {
    return exchange(user, HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON);
  }

  public ResponseEntity<byte[]> bytes(String user, String path, MediaType accept) {
    HttpHeaders headers = headers(user, accept);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  /**
   * @param user a user id whose password is the same (demo data), "user:password", or null for no
   *     credentials
   */
  public ResponseEntity<String> exchange(String user, HttpMethod method, String path, String json, MediaType accept) {
    HttpHeaders headers = headers(user, accept);
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }

  private static HttpHeaders headers(String user, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    if (user != null) {
      String[] credentials = user.split(":", 2);
      headers.setBasicAuth(credentials[0], credentials.length > 1 ? credentials[1] : credentials[0]);
    }
    return headers;
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + response.getBody(), e);
    }
  }
}
