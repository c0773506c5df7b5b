package org.imrflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.imrflow.cases.Application;

/**
 * The sample applications of {@code ../shared/cases} (copied to src/test/resources/cases), as JSON
 * to post or as {@link Application}s, made unique per test so that no two tests dispute the same claim.
 */
public final class TestCases {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private TestCases() {
  }

  /** The sample as it is in the file. */
  public static ObjectNode json(String name) {
    try (InputStream in = TestCases.class.getResourceAsStream("/cases/" + name + ".json")) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample with a claim number of its own, so it never collides with another test's case. */
  public static ObjectNode unique(String name) {
    ObjectNode json = json(name);
    ((ObjectNode) json.get("employee")).put("claimNumber", "WC-T-" + UUID.randomUUID().toString().substring(0, 8));
    return json;
  }

  /** The sample with every date moved so that the application is received on {@code receivedOn}. */
  public static ObjectNode receivedOn(ObjectNode json, LocalDate receivedOn) {
    long days = ChronoUnit.DAYS.between(LocalDate.parse(json.get("applicationReceivedOn").asText()), receivedOn);
    shift(json, days);
    return json;
  }

  public static Application application(ObjectNode json) {
    return MAPPER.convertValue(json, Application.class);
  }

  public static String text(ObjectNode json) {
    return json.toString();
  }

  private static void shift(JsonNode node, long days) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(f -> {
        if (f.getValue().isTextual() && f.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
          object.set(f.getKey(), TextNode.valueOf(LocalDate.parse(f.getValue().asText()).plusDays(days).toString()));
        } else {
          shift(f.getValue(), days);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> shift(child, days));
    }
  }
}
