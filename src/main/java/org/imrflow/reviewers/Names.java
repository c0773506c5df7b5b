package org.imrflow.reviewers;

import java.util.Locale;

/** Names compared the way the conflict rule says: ignoring case, spacing and punctuation. */
public final class Names {

  private Names() {
  }

  /**
   * Letters and digits only, lower case: "Golden State Claims Services, Inc.", "golden  state
   * claims-services inc" and "West Coast U.R. Partners" / "West Coast UR Partners" compare equal.
   */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    if (alreadyNormal(name)) {
      return name;
    }
    return name.toLowerCase(Locale.ROOT)
        .replace("&", "and")
        .replaceAll("[^\\p{L}\\p{N}]+", "");
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
