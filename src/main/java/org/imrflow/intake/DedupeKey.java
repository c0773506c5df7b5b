package org.imrflow.intake;

import org.imrflow.cases.Application;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import org.imrflow.cases.DisputedItem;

/**
 * What makes two applications the same dispute, hashed so that the indexes hold no claim number in
 * clear: {@link #of} the whole application (claim number, UR decision date and the set of item
 * descriptions: a case decided on it makes a new one a duplicate), {@link #item} one disputed item
 * (claim number and description: one open case at a time reviews it).
 */
public final class DedupeKey {

  private DedupeKey() {
  }

  static String of(Application application) {
    String items = application.disputedItems().stream()
        .map(DisputedItem::description)
        .map(DedupeKey::description)
        .sorted()
        .collect(Collectors.joining("\n"));
    return sha256(claim(application.employee().claimNumber()) + "|" + application.utilizationReview().decisionDate()
        + "|" + items);
  }

  /**
   * One item of a claim. An application without a claim number cannot be told from another
   * employee's: its items are matched within the same UR decision only, as whole applications were.
   */
  public static String item(String claimNumber, String urDecisionDate, String description) {
    String claim = claim(claimNumber);
    return sha256("item|" + (claim.isEmpty() ? "|" + urDecisionDate : claim) + "|" + description(description));
  }

  static String item(Application application, DisputedItem item) {
    return item(application.employee().claimNumber(), String.valueOf(application.utilizationReview().decisionDate()),
        item.description());
  }

  private static String claim(String claimNumber) {
    return claimNumber == null ? "" : claimNumber.trim().toUpperCase(Locale.ROOT);
  }

  private static String description(String description) {
    return description == null ? "" : description.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
