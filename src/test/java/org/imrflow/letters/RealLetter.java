package org.imrflow.letters;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reviewer wrote in a real letter, read back from its public copy: the clinical case
 * summary and, per item, the determination, the organization's guideline line and the rationale,
 * each paragraph with its line breaks joined.
 */
record RealLetter(String summary, List<Item> items) {

  record Item(String description, String determination, String imroGuideline, String rationale) {
  }

  static RealLetter parse(String text, JsonNode facts) {
    List<String> paragraphs = RealLettersTest.paragraphs(text);
    int summaryStart = indexOf(paragraphs, "including all medical records:", 0) + 1;
    int issues = indexOf(paragraphs, "IMR ISSUES, DECISIONS AND RATIONALES", summaryStart);
    String summary = String.join("\n\n", paragraphs.subList(summaryStart, issues));
    List<Item> items = new ArrayList<>();
    for (JsonNode item : facts.get("items")) {
      String description = item.get("description").asText();
      int heading = -1;
      for (int i = issues; i < paragraphs.size(); i++) {
        if (paragraphs.get(i).startsWith(description + ": ")) {
          heading = i;
          break;
        }
      }
      if (heading < 0) {
        throw new AssertionError("no item " + description);
      }
      String guideline = null;
      List<String> rationale = new ArrayList<>();
      for (int i = heading + 1; i < paragraphs.size(); i++) {
        String p = paragraphs.get(i);
        if (p.endsWith(": Upheld") || p.endsWith(": Overturned")) {
          break;
        }
        if (p.startsWith("MAXIMUS guideline: ")) {
          guideline = p.substring("MAXIMUS guideline: ".length());
        } else if (p.startsWith("Decision rationale: ")) {
          rationale.add(p.substring("Decision rationale: ".length()));
        } else if (!rationale.isEmpty()) {
          rationale.add(p);
        }
      }
      items.add(new Item(description, item.get("decision").asText(), guideline, String.join("\n\n", rationale)));
    }
    return new RealLetter(summary, items);
  }

  private static int indexOf(List<String> paragraphs, String text, int from) {
    for (int i = from; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no paragraph with " + text);
  }
}
