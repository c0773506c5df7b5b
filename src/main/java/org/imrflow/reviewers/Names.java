package org.imrflow.reviewers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Names compared the way the conflict rule says (API.md §6): ignoring case, spacing, punctuation
 * and company suffixes.
 */
public final class Names {

  /** Legal forms that do not tell companies apart, as they end a name ("Acme Co., Inc."). */
  private static final Set<String> COMPANY_SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "lp", "ltd",
      "limited", "co", "company", "corp", "corporation", "plc", "pc", "pllc", "pa", "na");

  private Names() {
  }

  /** Compiled once: {@code String.split} with this pattern compiled it on every name. */
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Letters and digits only, lower case, company suffixes dropped: "Golden State Claims Services,
   * Inc.", "golden  state claims-services" and "The Golden State Claims Services LLC" compare equal, as do
   * "West Coast U.R. Partners" and "West Coast UR Partners". A name that is nothing but a suffix
   * stays as it is.
   */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    if (alreadyNormal(name)) {
      return name;
    }
    String plain = name.toLowerCase(Locale.ROOT).replace("&", " and ").replace(".", "");
    List<String> words = new ArrayList<>(Arrays.asList(NOT_A_WORD.split(plain)));
    words.removeIf(String::isEmpty);
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    while (words.size() > 1 && COMPANY_SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join("", words);
  }

  /** Plain lower-case ASCII letters and digits: what normalize makes, so the regex can be skipped. */
  private static boolean alreadyNormal(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
