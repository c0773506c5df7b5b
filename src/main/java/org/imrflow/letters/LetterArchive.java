package org.imrflow.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive of letters and of their deliveries. Writes commit on their own, apart from the
 * engine's job, on the archive's own connections ({@link ArchiveConnections}): a delivery claimed
 * here stays claimed whatever happens to the job that claimed it,
 * which is what keeps a retried or twice-run job from mailing anyone twice; only a claim that was
 * never confirmed, and is too old to belong to a live attempt, is taken over (see {@link #claim}).
 */
@Component
class LetterArchive {

  enum DeliveryStatus { CLAIMED, SENT }

  record Delivery(String letterKey, LetterType type, String subject, String recipient, DeliveryStatus status,
      Instant claimedAt, Instant sentAt, boolean possibleRepeat) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  LetterArchive(ArchiveConnections connections) {
    this.jdbc = connections.jdbc;
    this.own = connections.transactions;
  }

  Optional<StoredLetter> find(String caseNumber, String letterKey) {
    return jdbc.query("select id, case_number, letter_key, type, subject, body_text, pdf_base64, created_at "
        + "from letter where case_number = ? and letter_key = ?", LetterArchive::letter, caseNumber, letterKey)
        .stream().findFirst();
  }

  /** Stores the letter unless one with its key exists; either way answers the stored one. */
  StoredLetter store(String caseNumber, String letterKey, LetterType type, Supplier<Rendered> render, Instant now) {
    return find(caseNumber, letterKey).orElseGet(() -> {
      Rendered rendered = render.get();
      try {
        own.executeWithoutResult(status -> jdbc.update("insert into letter (case_number, letter_key, type, subject, "
                + "body_text, pdf_base64, created_at) values (?, ?, ?, ?, ?, ?, ?)", caseNumber, letterKey, type.name(),
            rendered.subject(), rendered.text(), Base64.getEncoder().encodeToString(rendered.pdf()), Timestamp.from(now)));
      } catch (DuplicateKeyException concurrent) {
        // Another node or attempt stored it first: theirs is the letter.
      }
      return find(caseNumber, letterKey).orElseThrow();
    });
  }

  record Rendered(String subject, String text, byte[] pdf) {
  }

  /**
   * Claims the delivery of a letter to one recipient. False when it was sent, or when another
   * attempt claimed it after {@code staleBefore} and may be mailing it right now. A claim older
   * than that was left by an attempt that died before the mail server confirmed (a crashed node):
   * it is taken over, so the letter is not lost.
   */
  boolean claim(StoredLetter letter, String recipient, Instant now, Instant staleBefore) {
    try {
      own.executeWithoutResult(status -> jdbc.update("insert into letter_delivery (letter_id, case_number, letter_key, "
              + "recipient, status, claimed_at) values (?, ?, ?, ?, ?, ?)", letter.id(), letter.caseNumber(),
          letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name(), Timestamp.from(now)));
      return true;
    } catch (DuplicateKeyException alreadyClaimed) {
      // One statement, so that of two attempts taking over the same stale claim only one succeeds.
      Integer taken = own.execute(status -> jdbc.update("update letter_delivery set claimed_at = ?, possible_repeat = true "
              + "where case_number = ? and letter_key = ? and recipient = ? and status = ? and claimed_at < ?", Timestamp.from(now),
          letter.caseNumber(), letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name(), Timestamp.from(staleBefore)));
      return taken != null && taken == 1;
    }
  }

  /**
   * Claims the deliveries of a letter to several recipients in one transaction, as {@link #claim}
   * would one by one; answers those claimed. Should another attempt claim one of them at the same
   * moment, the batch gives way and each recipient is claimed on its own.
   */
  List<String> claimAll(StoredLetter letter, List<String> recipients, Instant now, Instant staleBefore) {
    try {
      return own.execute(status -> {
        java.util.Map<String, Instant> existing = new java.util.HashMap<>();
        jdbc.query("select recipient, status, claimed_at from letter_delivery where case_number = ? and letter_key = ?",
            rs -> {
              existing.put(rs.getString(1), DeliveryStatus.SENT.name().equals(rs.getString(2)) ? null
                  : rs.getTimestamp(3).toInstant());
            }, letter.caseNumber(), letter.letterKey());
        List<String> claimed = new java.util.ArrayList<>();
        for (String recipient : recipients) {
          if (!existing.containsKey(recipient)) {
            jdbc.update("insert into letter_delivery (letter_id, case_number, letter_key, recipient, status, claimed_at) "
                + "values (?, ?, ?, ?, ?, ?)", letter.id(), letter.caseNumber(), letter.letterKey(), recipient,
                DeliveryStatus.CLAIMED.name(), Timestamp.from(now));
            claimed.add(recipient);
          } else if (existing.get(recipient) != null && existing.get(recipient).isBefore(staleBefore)
              && jdbc.update("update letter_delivery set claimed_at = ?, possible_repeat = true where case_number = ? "
                  + "and letter_key = ? and recipient = ? and status = ? and claimed_at < ?", Timestamp.from(now), letter.caseNumber(),
                  letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name(), Timestamp.from(staleBefore)) == 1) {
            claimed.add(recipient);
          }
        }
        return claimed;
      });
    } catch (DuplicateKeyException raced) {
      List<String> claimed = new java.util.ArrayList<>();
      for (String recipient : recipients) {
        if (claim(letter, recipient, now, staleBefore)) {
          claimed.add(recipient);
        }
      }
      return claimed;
    }
  }

  /** The mail server took the message: recorded at once, one recipient at a time. */
  void sent(StoredLetter letter, String recipient, Instant now) {
    own.executeWithoutResult(status -> jdbc.update("update letter_delivery set status = ?, sent_at = ? "
            + "where case_number = ? and letter_key = ? and recipient = ?", DeliveryStatus.SENT.name(),
        Timestamp.from(now), letter.caseNumber(), letter.letterKey(), recipient));
  }

  /** The mail server refused: the claim is released so that the job's retry sends again. */
  void release(StoredLetter letter, String recipient) {
    own.executeWithoutResult(status -> jdbc.update("delete from letter_delivery where "
        + "case_number = ? and letter_key = ? and recipient = ? and status = ?", letter.caseNumber(), letter.letterKey(),
        recipient, DeliveryStatus.CLAIMED.name()));
  }

  /** Recipients this letter was already mailed to (and confirmed by the mail server). */
  java.util.Set<String> sentTo(StoredLetter letter) {
    return new java.util.HashSet<>(jdbc.queryForList("select recipient from letter_delivery where case_number = ? "
        + "and letter_key = ? and status = ?", String.class, letter.caseNumber(), letter.letterKey(),
        DeliveryStatus.SENT.name()));
  }

  List<Delivery> deliveries(String caseNumber) {
    return jdbc.query("select d.letter_key, l.type, l.subject, d.recipient, d.status, d.claimed_at, d.sent_at, "
        + "d.possible_repeat "
        + "from letter_delivery d join letter l on l.id = d.letter_id where d.case_number = ? order by d.id",
        (rs, i) -> new Delivery(rs.getString(1), LetterType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            DeliveryStatus.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
            rs.getBoolean(8)),
        caseNumber);
  }

  private static StoredLetter letter(ResultSet rs, int row) throws SQLException {
    return new StoredLetter(rs.getLong(1), rs.getString(2), rs.getString(3), LetterType.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), Base64.getDecoder().decode(rs.getString(7)), instant(rs.getTimestamp(8)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
