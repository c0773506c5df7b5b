package org.imrflow.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Request and answer examples for the OpenAPI description, taken from the sample cases: the
 * applications are the demo cases ({@code demo/*.json}, the same files the demo data posts), the
 * other examples ({@code openapi/examples/}) are answers recorded from the seed's case
 * (CM14-0000001, the 2014 letter in reference/) on its way through the API.
 *
 * <p>Files are found by operation id: {@code <operationId>.request.<json|csv|txt>} for the request
 * body, {@code <operationId>.response.<json|txt>} for the successful answer, and
 * {@code problem-<status>.json} for each refusal.
 */
class ApiExamples {

  static final String APPLY_OPERATION = "applyForReview";
  private static final String FOLDER = "openapi/examples/";

  private final ObjectMapper json = new ObjectMapper();
  private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

  void attach(Operation operation) {
    String id = operation.getOperationId();
    if (id == null) {
      return;
    }
    if (operation.getRequestBody() != null) {
      Content content = operation.getRequestBody().getContent();
      if (APPLY_OPERATION.equals(id)) {
        first(content).ifPresent(media -> demoApplications().forEach(media::addExamples));
      } else {
        example(id + ".request").ifPresent(example -> first(content).ifPresent(m -> m.addExamples("sample", example)));
      }
    }
    if (operation.getResponses() != null) {
      operation.getResponses().entrySet().stream()
          .filter(e -> e.getKey().startsWith("2"))
          .map(Map.Entry::getValue)
          .map(ApiResponse::getContent)
          .filter(c -> c != null && !c.isEmpty())
          .findFirst()
          .ifPresent(content -> content.forEach((type, media) ->
              example(id + ".response", type).ifPresent(example -> media.addExamples("sample", example))));
    }
  }

  Optional<Example> problem(String status) {
    return example("problem-" + status);
  }

  private Map<String, Example> demoApplications() {
    Map<String, Example> examples = new LinkedHashMap<>();
    try {
      Resource[] cases = resources.getResources("classpath*:demo/*.json");
      Arrays.sort(cases, Comparator.comparing(Resource::getFilename));
      for (Resource sample : cases) {
        String name = sample.getFilename().replace(".json", "");
        Object value = read(sample, true);
        // demo/ also holds the panel and the reviewers' track records: only applications are examples.
        if (value instanceof Map<?, ?> application && application.containsKey("applicationReceivedOn")) {
          examples.put(name, new Example().summary("Sample case " + name).value(value));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return examples;
  }

  private Optional<Example> example(String name) {
    return example(name, null);
  }

  /** The first example file of that name whose kind fits the media type (any, when it is null). */
  private Optional<Example> example(String name, String mediaType) {
    for (String extension : new String[] {"json", "csv", "txt"}) {
      if (mediaType != null && !fits(extension, mediaType)) {
        continue;
      }
      Resource file = resources.getResource("classpath:" + FOLDER + name + "." + extension);
      if (file.exists()) {
        return Optional.of(new Example().value(read(file, extension.equals("json"))));
      }
    }
    return Optional.empty();
  }

  private static boolean fits(String extension, String mediaType) {
    return switch (extension) {
      case "json" -> mediaType.contains("json") || mediaType.equals("*/*");
      case "csv" -> mediaType.equals("text/csv");
      default -> mediaType.startsWith("text/plain");
    };
  }

  private Object read(Resource file, boolean isJson) {
    try (InputStream in = file.getInputStream()) {
      return isJson ? json.readValue(in, Object.class) : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<MediaType> first(Content content) {
    return content == null ? Optional.empty() : content.values().stream().findFirst();
  }
}
