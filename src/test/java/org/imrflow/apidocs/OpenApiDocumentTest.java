package org.imrflow.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description at /api/docs is complete enough for a generated client: every operation
 * has a summary, a tag, the HTTP Basic requirement and its refusals as problem+json. The document is
 * written to target/openapi.json, which .ci/run lints with Redocly's recommended rules.
 */
@IntegrationTest
class OpenApiDocumentTest {

  static final Path WRITTEN = Path.of("target/openapi.json");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

  @Autowired TestRestTemplate rest;
  JsonNode document;

  @BeforeEach
  void read() throws Exception {
    ResponseEntity<String> answer = new Api(rest).get("demo", "/api/docs");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    document = Api.json(answer);
    Files.createDirectories(WRITTEN.getParent());
    Files.writeString(WRITTEN, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
  }

  @Test
  void everyOperationHasASummaryATagTheLoginAndItsRefusals() {
    List<String> gaps = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
      for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = op.getValue();
        if (operation.path("summary").asText().isBlank()) {
          gaps.add(name + ": no summary");
        }
        if (operation.path("tags").isEmpty()) {
          gaps.add(name + ": no tag");
        }
        if (!operation.path("security").toString().contains("basicAuth")) {
          gaps.add(name + ": no HTTP Basic requirement");
        }
        JsonNode responses = operation.path("responses");
        for (String status : expectedRefusals(path.getKey(), op.getKey(), operation)) {
          JsonNode problem = responses.path(status).path("content").path("application/problem+json");
          if (problem.isMissingNode()) {
            gaps.add(name + ": " + status + " not described as problem+json");
          }
        }
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(15);
    assertThat(gaps).isEmpty();
  }

  @Test
  void invalidInputDescribesItsFieldErrors() {
    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.path("Problem").path("properties").has("title")).isTrue();
    assertThat(schemas.path("Problem").path("properties").has("status")).isTrue();
    assertThat(schemas.path("Problem").path("properties").has("detail")).isTrue();
    assertThat(schemas.path("InvalidInputProblem").path("required").toString()).contains("errors");
    assertThat(schemas.path("FieldProblem").path("properties").has("field")).isTrue();
    assertThat(schemas.path("FieldProblem").path("properties").has("message")).isTrue();
    JsonNode apply400 = document.path("paths").path("/api/cases").path("post").path("responses").path("400");
    assertThat(apply400.toString()).contains("InvalidInputProblem");
  }

  @Test
  void theDocumentSaysWhoItIsForAndWhereItRuns() {
    assertThat(document.path("info").path("license").path("name").asText()).isNotBlank();
    assertThat(document.path("servers")).isNotEmpty();
    for (JsonNode server : document.path("servers")) {
      assertThat(server.path("url").asText()).doesNotContain("example.com");
    }
    assertThat(document.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
        .isEqualTo("basic");
  }

  @Test
  void theApplicationExampleIsTheSeedCase() {
    JsonNode examples = document.path("paths").path("/api/cases").path("post").path("requestBody")
        .path("content").path("application/json").path("examples");
    assertThat(examples.toString()).contains("Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back");
    JsonNode created = document.path("paths").path("/api/cases").path("post").path("responses").path("201");
    assertThat(created.toString()).contains("CM14-0000001");
  }

  /** What every operation can answer: 401 always; 400 with input; 404 with a path variable. */
  private static List<String> expectedRefusals(String path, String method, JsonNode operation) {
    List<String> statuses = new ArrayList<>(List.of("401"));
    boolean input = operation.has("requestBody") || operation.path("parameters").toString().contains("\"query\"");
    if (input) {
      statuses.add("400");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    return statuses;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      list.add(it.next());
    }
    return list;
  }
}
