package org.imrflow.reviewers;

import java.util.Locale;

/** Names compared the way the conflict rule says: ignoring case, spacing and punctuation. */
public final class Names {

  private Names() {
  }

  /** "Golden State Claims Services, Inc." and "golden  state claims services inc" normalise alike. */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    return name.toLowerCase(Locale.ROOT)
        .replace("&", " and ")
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .trim()
        .replaceAll("\\s+", " ");
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
