package org.imrflow.letters;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text layout of the real letters: lines of at most {@value #WIDTH} characters, the
 * section headings centred, the header block in two aligned columns.
 */
final class TextLayout {

  static final int WIDTH = 98;
  private static final int LABEL = 22;
  private static final int LEFT_COLUMN = 54;
  private static final int RIGHT_LABEL = 21;

  private TextLayout() {
  }

  /** The header block: pairs of (label, value) side by side, as in reference/letters. */
  static String header(String caseNumber, List<String[]> left, List<String[]> right) {
    StringBuilder out = new StringBuilder(pad("Case Number:", LABEL) + caseNumber + "\n");
    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
      String l = i < left.size() ? pad(left.get(i)[0], LABEL) + left.get(i)[1] : "";
      String r = i < right.size() ? pad(right.get(i)[0], RIGHT_LABEL) + right.get(i)[1] : "";
      out.append(r.isEmpty() ? l : pad(l, LEFT_COLUMN) + r).append('\n');
    }
    return out.toString();
  }

  static String centred(String heading) {
    int indent = Math.max(0, (WIDTH - heading.length()) / 2);
    return " ".repeat(indent) + heading;
  }

  /** Wraps every line longer than the width at a space, keeping blank lines and short lines. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      for (String wrapped : wrapLine(line)) {
        out.append(wrapped).append('\n');
      }
    }
    String result = out.toString();
    return result.endsWith("\n\n") ? result.substring(0, result.length() - 1) : result;
  }

  private static List<String> wrapLine(String line) {
    List<String> lines = new ArrayList<>();
    String rest = stripTrailing(line);
    while (rest.length() > WIDTH) {
      int cut = rest.lastIndexOf(' ', WIDTH);
      if (cut <= 0) {
        cut = WIDTH;
      }
      lines.add(stripTrailing(rest.substring(0, cut)));
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }
}
