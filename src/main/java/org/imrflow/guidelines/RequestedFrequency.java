package org.imrflow.guidelines;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visits a week that a request's description states ("Pt 2x4 Weeks", "three times a week",
 * "3x/wk", "twice weekly"), only where it says so plainly: the intake has no frequency field, and a
 * guess would be worse than nothing. Where several are stated, the highest counts.
 */
final class RequestedFrequency {

  private static final Map<String, Integer> WORDS = Map.of("once", 1, "twice", 2, "one", 1, "two", 2, "three", 3,
      "four", 4, "five", 5, "six", 6, "seven", 7);
  private static final String NUMBER = "(\\d{1,2}|once|twice|one|two|three|four|five|six|seven)";
  private static final String RANGE_START = "(?:(?:\\d{1,2}|one|two|three|four|five|six)\\s*(?:-|to)\\s*)?";
  /** "3 times a week", "3x/week", "1-2 times per week", "twice a week", "3 visits per wk", "2x week", "2x weekly". */
  private static final Pattern PER_WEEK = Pattern.compile("\\b" + RANGE_START + NUMBER
      + "\\s*(?:(?:x|times|visits|sessions|treatments)?\\s*(?:a|per|/|each|every)\\s*(?:week|wk)"
      + "|(?:x|times)\\s*(?:week|wk)|(?:x|times)?\\s*weekly)\\b");
  /** "2x4 weeks", "3 times 4 wks": visits a week times weeks. */
  private static final Pattern TIMES_WEEKS = Pattern.compile("\\b" + RANGE_START + NUMBER
      + "\\s*(?:x|times)\\s*\\d{1,2}\\s*(?:weeks?|wks?)\\b");

  private RequestedFrequency() {
  }

  static OptionalInt perWeek(String description) {
    if (description == null) {
      return OptionalInt.empty();
    }
    String text = description.toLowerCase(Locale.ROOT);
    int highest = Math.max(highest(PER_WEEK.matcher(text)), highest(TIMES_WEEKS.matcher(text)));
    return highest > 0 ? OptionalInt.of(highest) : OptionalInt.empty();
  }

  private static int highest(Matcher matcher) {
    int highest = 0;
    while (matcher.find()) {
      String n = matcher.group(1);
      highest = Math.max(highest, WORDS.containsKey(n) ? WORDS.get(n) : Integer.parseInt(n));
    }
    return highest;
  }
}
