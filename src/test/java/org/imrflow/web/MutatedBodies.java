package org.imrflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Wrongly typed variants of a valid request body, each wrong by construction: a value replaced by
 * one of another JSON type (a number for a string, a string for a boolean, an object for a list,
 * ...), a date that is no date, an enum value that does not exist or a number for an enum. Each
 * body carries one to three such mutations, and the paths they touched in the API's field notation.
 */
final class MutatedBodies {

  record Mutated(String body, List<String> paths) {
  }

  private record Slot(String path, JsonNode parent, String field, int index, JsonNode value) {
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MutatedBodies() {
  }

  /** @param enums names of the body's fields (or lists) whose strings are enumeration values */
  static List<Mutated> of(JsonNode valid, int count, long seed, Set<String> enums) {
    Random random = new Random(seed);
    List<Slot> slots = new ArrayList<>();
    collect(valid, "", null, slots);
    List<Mutated> bodies = new ArrayList<>();
    while (bodies.size() < count) {
      JsonNode copy = valid.deepCopy();
      List<Slot> copySlots = new ArrayList<>();
      collect(copy, "", null, copySlots);
      int mutations = 1 + random.nextInt(3);
      List<String> paths = new ArrayList<>();
      for (int m = 0; m < mutations; m++) {
        Slot slot = copySlots.get(random.nextInt(copySlots.size()));
        // One mutation per branch: a mutated object's fields are gone, and nested paths would name it twice.
        if (paths.stream().anyMatch(p -> p.startsWith(slot.path()) || slot.path().startsWith(p))) {
          continue;
        }
        JsonNode wrong = wrongFor(slot, random, enums);
        if (slot.parent() instanceof ObjectNode object) {
          object.set(slot.field(), wrong);
        } else {
          ((ArrayNode) slot.parent()).set(slot.index(), wrong);
        }
        paths.add(slot.path());
      }
      bodies.add(new Mutated(copy.toString(), paths));
    }
    return bodies;
  }

  private static void collect(JsonNode node, String path, String enumField, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(f -> {
        String child = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
        if (!f.getValue().isNull()) {
          slots.add(new Slot(child, object, f.getKey(), -1, f.getValue()));
        }
        collect(f.getValue(), child, f.getKey(), slots);
      });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = path + "[" + i + "]";
        if (!array.get(i).isNull()) {
          slots.add(new Slot(child, array, enumField, i, array.get(i)));
        }
        collect(array.get(i), child, enumField, slots);
      }
    }
  }

  private static JsonNode wrongFor(Slot slot, Random random, Set<String> enums) {
    JsonNode value = slot.value();
    List<JsonNode> wrong = new ArrayList<>(List.of(NODES.objectNode().put("x", 1)));
    if (value.isTextual()) {
      wrong.addAll(List.of(NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode().add("x")));
      if (value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
        wrong.addAll(List.of(NODES.textNode("2014-13-45"), NODES.textNode("08/04/2014"), NODES.numberNode(20140804)));
      } else if (enums.contains(slot.field())) {
        wrong.addAll(List.of(NODES.textNode("NOT_A_VALUE"), NODES.numberNode(2)));
      }
    } else if (value.isIntegralNumber()) {
      wrong.addAll(List.of(NODES.textNode("8"), NODES.booleanNode(true), NODES.numberNode(8.5), NODES.arrayNode()));
    } else if (value.isBoolean()) {
      wrong.addAll(List.of(NODES.textNode("true"), NODES.textNode("yes"), NODES.numberNode(1), NODES.arrayNode()));
    } else if (value.isObject()) {
      wrong.addAll(List.of(NODES.textNode("x"), NODES.numberNode(3), NODES.booleanNode(true), NODES.arrayNode()));
      wrong.remove(0);
    } else if (value.isArray()) {
      wrong.addAll(List.of(NODES.textNode("x"), NODES.numberNode(3), NODES.booleanNode(true)));
    }
    return wrong.get(random.nextInt(wrong.size()));
  }
}
