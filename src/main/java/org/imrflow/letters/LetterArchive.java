package org.imrflow.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive of letters and of their deliveries. Writes commit on their own, apart from the
 * engine's job, on the archive's own connections ({@link ArchiveConnections}): a delivery claimed
 * here stays claimed whatever happens to the job that claimed it,
 * which is what keeps a retried or twice-run job from mailing anyone twice; only a claim that was
 * never confirmed, and is too old to belong to a live attempt, is taken over (see {@link #claim}).
 *
 * <p>Cheap on purpose, a letter being mailed twice in every case: a write of one statement
 * (a confirmation, a release, a take-over) commits by itself (auto-commit: the same commit, without a
 * transaction's extra round trips), a new letter is archived together with its claims in one
 * transaction, and its claims are one multi-row insert.
 */
@Component
class LetterArchive {

  enum DeliveryStatus { CLAIMED, SENT }

  record Delivery(String letterKey, LetterType type, String subject, String recipient, DeliveryStatus status,
      Instant claimedAt, Instant sentAt, boolean possibleRepeat) {
  }

  /** Where a letter's delivery to one recipient stands: claimed (and when), or sent (and when). */
  record State(DeliveryStatus status, Instant claimedAt, Instant sentAt) {
  }

  /** The letter as archived and the recipients whose deliveries this attempt claimed. */
  record Claimed(StoredLetter letter, List<String> recipients) {
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
      try {
        return insert(caseNumber, letterKey, type, render.get(), now);
      } catch (DuplicateKeyException concurrent) {
        // Another node or attempt stored it first: theirs is the letter.
        return find(caseNumber, letterKey).orElseThrow();
      }
    });
  }

  record Rendered(String subject, String text, byte[] pdf) {
  }

  /**
   * Archives a new letter and claims its deliveries to {@code recipients}, in one transaction: the
   * letter is archived with its first claims, and the claims are one statement. Should another
   * attempt have archived the same letter meanwhile, theirs is the letter and the deliveries are
   * claimed as {@link #claimAll} does.
   */
  Claimed storeAndClaimAll(String caseNumber, String letterKey, LetterType type, Rendered rendered,
      List<String> recipients, Instant now, Instant staleBefore) {
    try {
      return own.execute(status -> {
        StoredLetter letter = insert(caseNumber, letterKey, type, rendered, now);
        insertClaims(letter, recipients, now);
        return new Claimed(letter, recipients);
      });
    } catch (DuplicateKeyException concurrent) {
      StoredLetter theirs = find(caseNumber, letterKey).orElseThrow(() -> concurrent);
      return new Claimed(theirs, claimAll(theirs, recipients, now, staleBefore));
    }
  }

  private StoredLetter insert(String caseNumber, String letterKey, LetterType type, Rendered rendered, Instant now) {
    String pdf = Base64.getEncoder().encodeToString(rendered.pdf());
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into letter (case_number, letter_key, type, "
          + "subject, body_text, pdf_base64, created_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, caseNumber);
      insert.setString(2, letterKey);
      insert.setString(3, type.name());
      insert.setString(4, rendered.subject());
      insert.setString(5, rendered.text());
      insert.setString(6, pdf);
      insert.setTimestamp(7, Timestamp.from(now));
      return insert;
    }, key);
    return new StoredLetter(key.getKey().longValue(), caseNumber, letterKey, type, rendered.subject(), rendered.text(),
        rendered.pdf(), now);
  }

  /** One statement for all the recipients: fails whole (a duplicate key) if any of them was claimed already. */
  private void insertClaims(StoredLetter letter, List<String> recipients, Instant now) {
    if (recipients.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("insert into letter_delivery (letter_id, case_number, letter_key, "
        + "recipient, status, claimed_at) values ");
    List<Object> values = new ArrayList<>();
    for (String recipient : recipients) {
      sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      values.addAll(List.of(letter.id(), letter.caseNumber(), letter.letterKey(), recipient,
          DeliveryStatus.CLAIMED.name(), Timestamp.from(now)));
    }
    jdbc.update(sql.toString(), values.toArray());
  }

  /**
   * Claims the delivery of a letter to one recipient. False when it was sent, or when another
   * attempt claimed it after {@code staleBefore} and may be mailing it right now. A claim older
   * than that was left by an attempt that died before the mail server confirmed (a crashed node):
   * it is taken over, so the letter is not lost.
   */
  boolean claim(StoredLetter letter, String recipient, Instant now, Instant staleBefore) {
    try {
      insertClaims(letter, List.of(recipient), now);
      return true;
    } catch (DuplicateKeyException alreadyClaimed) {
      return takeOver(letter, recipient, now, staleBefore);
    }
  }

  /** One statement, so that of two attempts taking over the same stale claim only one succeeds. */
  private boolean takeOver(StoredLetter letter, String recipient, Instant now, Instant staleBefore) {
    return jdbc.update("update letter_delivery set claimed_at = ?, possible_repeat = true where case_number = ? "
        + "and letter_key = ? and recipient = ? and status = ? and claimed_at < ?", Timestamp.from(now),
        letter.caseNumber(), letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name(),
        Timestamp.from(staleBefore)) == 1;
  }

  /**
   * Claims the deliveries of an archived letter to several recipients in one transaction, as
   * {@link #claim} would one by one; answers those claimed. Should another attempt claim one of them
   * at the same moment, the batch gives way and each recipient is claimed on its own.
   */
  List<String> claimAll(StoredLetter letter, List<String> recipients, Instant now, Instant staleBefore) {
    try {
      return own.execute(status -> {
        Map<String, State> existing = states(letter);
        List<String> claimed = new ArrayList<>();
        List<String> unclaimed = recipients.stream().filter(r -> !existing.containsKey(r)).toList();
        insertClaims(letter, unclaimed, now);
        for (String recipient : recipients) {
          State state = existing.get(recipient);
          if (state == null) {
            claimed.add(recipient);
          } else if (state.status() == DeliveryStatus.CLAIMED && state.claimedAt().isBefore(staleBefore)
              && takeOver(letter, recipient, now, staleBefore)) {
            claimed.add(recipient);
          }
        }
        return claimed;
      });
    } catch (DuplicateKeyException raced) {
      List<String> claimed = new ArrayList<>();
      for (String recipient : recipients) {
        if (claim(letter, recipient, now, staleBefore)) {
          claimed.add(recipient);
        }
      }
      return claimed;
    }
  }

  /**
   * The mail server took the message: recorded at once, one recipient at a time, so that a node
   * dying while mailing the letter's other messages leaves this one confirmed.
   */
  void sent(StoredLetter letter, String recipient, Instant now) {
    jdbc.update("update letter_delivery set status = ?, sent_at = ? where case_number = ? and letter_key = ? "
        + "and recipient = ?", DeliveryStatus.SENT.name(), Timestamp.from(now), letter.caseNumber(),
        letter.letterKey(), recipient);
  }

  /** The mail server refused: the claim is released so that the job's retry sends again. */
  void release(StoredLetter letter, String recipient) {
    jdbc.update("delete from letter_delivery where case_number = ? and letter_key = ? and recipient = ? "
        + "and status = ?", letter.caseNumber(), letter.letterKey(), recipient, DeliveryStatus.CLAIMED.name());
  }

  /** The letter's deliveries by recipient, claimed or sent. */
  Map<String, State> states(StoredLetter letter) {
    Map<String, State> states = new HashMap<>();
    jdbc.query("select recipient, status, claimed_at, sent_at from letter_delivery where case_number = ? "
        + "and letter_key = ?", rs -> {
          states.put(rs.getString(1), new State(DeliveryStatus.valueOf(rs.getString(2)), instant(rs.getTimestamp(3)),
              instant(rs.getTimestamp(4))));
        }, letter.caseNumber(), letter.letterKey());
    return states;
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
