package org.imrflow.letters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imrflow.cases.Application;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Sends a letter of a case to its recipients exactly once each: rendered once and archived with
 * the claims of its deliveries just before its messages are mailed, each delivery confirmed the
 * moment the mail server took it (key: case + letter + recipient). A retry, a job run twice or a
 * second node finds the confirmed deliveries and mails nobody twice. When the mail server refuses, the refused claims
 * are released and the job fails, to be retried (an incident in Cockpit once the retries are spent).
 *
 * <p>A node that dies while mailing leaves one delivery claimed and unconfirmed. The job's next
 * attempt (after the dead node's job lock expired) takes over a claim older than
 * {@code imrflow.letters.claim-timeout} and mails it: the letter is not lost. It is mailed twice
 * only if the node died in the instant between the server's acceptance and the confirmation; the
 * repeat then has the same Message-ID.
 */
@Service
public class Letters {

  private static final Logger log = LoggerFactory.getLogger(Letters.class);

  private final LetterArchive archive;
  private final LetterContent content;
  private final LetterRenderer renderer;
  private final LetterPdf pdf;
  private final MailDelivery mail;
  private final CaseJson json;
  private final CaseAudit audit;
  private final BusinessClock clock;

  private final Duration claimTimeout;

  Letters(LetterArchive archive, LetterContent content, LetterRenderer renderer, LetterPdf pdf, MailDelivery mail,
      CaseJson json, CaseAudit audit, BusinessClock clock,
      @Value("${imrflow.letters.claim-timeout:PT2M}") Duration claimTimeout) {
    this.archive = archive;
    this.content = content;
    this.renderer = renderer;
    this.pdf = pdf;
    this.mail = mail;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
    this.claimTimeout = claimTimeout;
  }

  public StoredLetter send(ImrCase c, LetterType type) {
    return send(c, type, Map.of());
  }

  /** @param extra template variables beyond the case's own (e.g. why a review ended) */
  public StoredLetter send(ImrCase c, LetterType type, Map<String, Object> extra) {
    return deliver(c, type, extra).letter();
  }

  /**
   * A letter mailed to every party: as archived, and when the last of them was mailed (null when it
   * has no recipient), which a retry on a later day does not change.
   */
  record Delivered(StoredLetter letter, Instant lastSentAt) {
  }

  /**
   * Mails the letter to every recipient not mailed yet. The letter's own statements, on its first
   * attempt: one read (is it archived?), one transaction archiving it with all its claims (after the
   * mail server answered), and one auto-committed confirmation per recipient.
   */
  Delivered deliver(ImrCase c, LetterType type, Map<String, Object> extra) {
    String caseNumber = c.getCaseNumber();
    List<String> recipients = recipients(json.application(c), type);
    Optional<StoredLetter> archived = archive.find(caseNumber, type.name());
    if (archived.isEmpty() && recipients.isEmpty()) {
      StoredLetter letter = archive.store(caseNumber, type.name(), type, () -> render(c, type, extra), clock.now());
      return new Delivered(letter, null);
    }
    Map<String, LetterArchive.State> before = archived.map(archive::states).orElse(Map.of());
    Instant lastSentAt = before.values().stream().filter(s -> s.status() == LetterArchive.DeliveryStatus.SENT)
        .map(LetterArchive.State::sentAt).max(Instant::compareTo).orElse(null);
    List<String> pending = recipients.stream().filter(r -> !before.containsKey(r)
        || before.get(r).status() != LetterArchive.DeliveryStatus.SENT).toList();
    if (pending.isEmpty()) {
      return new Delivered(archived.get(), lastSentAt);
    }
    // Rendered only while not archived; archived with its first claims, so every party gets the same letter.
    LetterArchive.Rendered rendered = archived.isEmpty() ? render(c, type, extra) : null;
    StoredLetter letter;
    int inProgress;
    int delivered = 0;
    int refused = 0;
    // Connecting comes first: a mail server that cannot be reached fails the job before anything is claimed.
    try (MailDelivery.Connection smtp = mail.open()) {
      // Claimed together (one commit, with the letter when it is new), confirmed one by one the moment
      // the server takes each message: a node dying here leaves unconfirmed only what it had not
      // mailed, and the one in flight.
      Instant now = clock.now();
      Instant staleBefore = now.minus(claimTimeout);
      LetterArchive.Claimed claimed = archived.isPresent()
          ? new LetterArchive.Claimed(archived.get(), archive.claimAll(archived.get(), pending, now, staleBefore))
          : archive.storeAndClaimAll(caseNumber, type.name(), type, rendered, pending, now, staleBefore);
      letter = claimed.letter();
      inProgress = pending.size() - claimed.recipients().size();
      for (String recipient : claimed.recipients()) {
        if (smtp.send(letter, recipient)) {
          Instant sentAt = clock.now();
          archive.sent(letter, recipient, sentAt);
          lastSentAt = lastSentAt == null || sentAt.isAfter(lastSentAt) ? sentAt : lastSentAt;
          delivered++;
        } else {
          archive.release(letter, recipient);
          refused++;
        }
      }
    } catch (MailException unreachable) {
      throw new MailNotDeliveredException(caseNumber, type, pending.size(), pending.size());
    }
    if (delivered > 0) {
      audit.record(caseNumber, CaseAction.LETTER_SENT, type.name() + " mailed to " + delivered + " recipient(s)");
      log.info("Case {}: {} mailed to {} recipient(s)", caseNumber, type, delivered);
    }
    if (refused > 0) {
      throw new MailNotDeliveredException(caseNumber, type, refused, pending.size());
    }
    if (inProgress > 0) {
      // Claimed by another attempt that may still be mailing it: the retry finds it confirmed, or
      // unconfirmed for longer than the claim timeout (that attempt died) and mails it then.
      throw MailNotDeliveredException.unconfirmed(caseNumber, type, inProgress);
    }
    return new Delivered(letter, lastSentAt);
  }

  /**
   * A letter as the correspondence log shows it: sent to whom and when. {@code possibleRepeats}:
   * recipients mailed again after an attempt died between claiming and confirming their delivery,
   * who may therefore hold the letter twice (with the same Message-ID).
   */
  public record Sent(LetterType type, String subject, LocalDate sentOn, List<String> recipients,
      List<String> unconfirmed, List<String> possibleRepeats) {
  }

  /**
   * Every letter of a case that went (or may have gone) to someone, oldest first. A delivery
   * claimed but not confirmed (being mailed now, or left by a node that died while mailing it, until
   * the job's retry mails it) is listed as unconfirmed.
   */
  public List<Sent> correspondence(String caseNumber) {
    Map<String, List<LetterArchive.Delivery>> byLetter = new LinkedHashMap<>();
    archive.deliveries(caseNumber).forEach(d -> byLetter.computeIfAbsent(d.letterKey(), k -> new ArrayList<>()).add(d));
    List<Sent> sent = new ArrayList<>();
    byLetter.values().forEach(deliveries -> {
      LetterArchive.Delivery first = deliveries.get(0);
      List<String> to = deliveries.stream().filter(d -> d.status() == LetterArchive.DeliveryStatus.SENT)
          .map(LetterArchive.Delivery::recipient).toList();
      List<String> unconfirmed = deliveries.stream().filter(d -> d.status() != LetterArchive.DeliveryStatus.SENT)
          .map(LetterArchive.Delivery::recipient).toList();
      LocalDate sentOn = deliveries.stream().map(LetterArchive.Delivery::sentAt)
          .filter(Objects::nonNull).max(Instant::compareTo).map(clock::dayOf).orElse(null);
      List<String> repeats = deliveries.stream().filter(LetterArchive.Delivery::possibleRepeat)
          .map(LetterArchive.Delivery::recipient).toList();
      sent.add(new Sent(first.type(), first.subject(), sentOn, to, unconfirmed, repeats));
    });
    return sent;
  }

  public Optional<Sent> delivery(String caseNumber, LetterType type) {
    return correspondence(caseNumber).stream().filter(s -> s.type() == type && !s.recipients().isEmpty()).findFirst();
  }

  /** The text and PDF of a letter, as it was archived; empty before it exists. */
  public Optional<StoredLetter> archived(String caseNumber, LetterType type) {
    return archive.find(caseNumber, type.name());
  }

  /**
   * The letter as it would go out now, neither archived nor mailed: what a quality reviewer reads
   * before approving it.
   */
  public String draftText(ImrCase c, LetterType type) {
    return renderer.text(type, content.of(c, type, Map.of()));
  }

  public byte[] draftPdf(ImrCase c, LetterType type) {
    return pdf.render(type.title(), draftText(c, type));
  }

  private LetterArchive.Rendered render(ImrCase c, LetterType type, Map<String, Object> extra) {
    String text = renderer.text(type, content.of(c, type, extra));
    return new LetterArchive.Rendered(type.subject(c.getCaseNumber()), text, pdf.render(type.title(), text));
  }

  /** The claims administrator gets the records reminder; every party with an address gets the rest. */
  static List<String> recipients(Application a, LetterType type) {
    if (type == LetterType.RECORDS_REMINDER) {
      String email = a.claimsAdministrator().email();
      return email == null || email.isBlank() ? List.of() : List.of(email);
    }
    return a.partyEmails();
  }
}
