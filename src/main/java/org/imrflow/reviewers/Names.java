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
    return name.toLowerCase(Locale.ROOT)
        .replace("&", "and")
        .replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
