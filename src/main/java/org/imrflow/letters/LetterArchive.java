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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive of letters and of their deliveries. Writes commit on their own, apart from the
 * engine's job: a delivery claimed here stays claimed whatever happens to the job that claimed it,
 * which is what keeps a retried or twice-run job from mailing anyone twice.
 */
@Component
class LetterArchive {

  enum DeliveryStatus { CLAIMED, SENT }

  record Delivery(String letterKey, LetterType type, String subject, String recipient, DeliveryStatus status,
      Instant claimedAt, Instant sentAt) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  LetterArchive(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Optional<StoredLetter> find(String caseNumber, String letterKey) {
    return jdbc.query("select id, case_number, letter_key, type, subject, body_text, pdf_base64, created_at "
        + "from letter where case_number = ? and letter_key = ?", LetterArchive::letter, caseNumber, letterKey)
        .stream().findFirst();
  }

  List<StoredLetter> ofCase(String caseNumber) {
    return jdbc.query("select id, case_number, letter_key, type, subject, body_text, pdf_base64, created_at "
        + "from letter where case_number = ? order by id", LetterArchive::letter, caseNumber);
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

  /** Claims the delivery of a letter to one recipient; false when it was already claimed or sent. */
  boolean claim(StoredLetter letter, String recipient, Instant now) {
    try {
      own.executeWithoutResult(status -> jdbc.update("insert into letter_delivery (letter_id, case_number, letter_key, "
              + "recipient, status, claimed_at) values (?, ?, ?, ?, ?, ?)", letter.id(), letter.caseNumber(),
          letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name(), Timestamp.from(now)));
      return true;
    } catch (DuplicateKeyException alreadyClaimed) {
      return false;
    }
  }

  void sent(StoredLetter letter, List<String> recipients, Instant now) {
    own.executeWithoutResult(status -> recipients.forEach(r -> jdbc.update("update letter_delivery set status = ?, "
            + "sent_at = ? where case_number = ? and letter_key = ? and recipient = ?", DeliveryStatus.SENT.name(),
        Timestamp.from(now), letter.caseNumber(), letter.letterKey(), r)));
  }

  /** The mail server refused: the claims are released so that the job's retry sends again. */
  void release(StoredLetter letter, List<String> recipients) {
    own.executeWithoutResult(status -> recipients.forEach(r -> jdbc.update("delete from letter_delivery where "
        + "case_number = ? and letter_key = ? and recipient = ? and status = ?", letter.caseNumber(), letter.letterKey(),
        r, DeliveryStatus.CLAIMED.name())));
  }

  List<Delivery> deliveries(String caseNumber) {
    return jdbc.query("select d.letter_key, l.type, l.subject, d.recipient, d.status, d.claimed_at, d.sent_at "
        + "from letter_delivery d join letter l on l.id = d.letter_id where d.case_number = ? order by d.id",
        (rs, i) -> new Delivery(rs.getString(1), LetterType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            DeliveryStatus.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))),
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
