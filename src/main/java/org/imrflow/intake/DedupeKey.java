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
 * What makes two applications the same dispute: claim number, UR decision date and the set of
 * item descriptions. Hashed, so the index holds no claim number in clear.
 */
final class DedupeKey {

  private DedupeKey() {
  }

  static String of(Application application) {
    String items = application.disputedItems().stream()
        .map(DisputedItem::description)
        .map(d -> d.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
        .sorted()
        .collect(Collectors.joining("\n"));
    String claim = application.employee().claimNumber() == null ? ""
        : application.employee().claimNumber().trim().toUpperCase(Locale.ROOT);
    return sha256(claim + "|" + application.utilizationReview().decisionDate() + "|" + items);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
