package org.imrflow.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a letter of a case to its recipients exactly once each: rendered once and archived,
 * then each delivery claimed before it is mailed (key: case + letter + recipient). A retry, a job
 * run twice or a second node finds the claims and mails nobody twice. When the mail server
 * refuses, the refused claims are released and the job fails, to be retried (an incident in
 * Cockpit once the retries are spent).
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

  Letters(LetterArchive archive, LetterContent content, LetterRenderer renderer, LetterPdf pdf, MailDelivery mail,
      CaseJson json, CaseAudit audit, BusinessClock clock) {
    this.archive = archive;
    this.content = content;
    this.renderer = renderer;
    this.pdf = pdf;
    this.mail = mail;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  public StoredLetter send(ImrCase c, LetterType type) {
    return send(c, type, Map.of());
  }

  /** @param extra template variables beyond the case's own (e.g. why a review ended) */
  public StoredLetter send(ImrCase c, LetterType type, Map<String, Object> extra) {
    StoredLetter letter = archive.store(c.getCaseNumber(), type.name(), type, () -> render(c, type, extra), clock.now());
    List<String> recipients = recipients(json.application(c), type);
    List<String> claimed = new ArrayList<>();
    for (String recipient : recipients) {
      if (archive.claim(letter, recipient, clock.now())) {
        claimed.add(recipient);
      }
    }
    if (claimed.isEmpty()) {
      return letter;
    }
    List<String> refused = mail.send(letter, claimed);
    List<String> delivered = claimed.stream().filter(r -> !refused.contains(r)).toList();
    archive.sent(letter, delivered, clock.now());
    if (!delivered.isEmpty()) {
      audit.record(c.getCaseNumber(), "LETTER_SENT", type.name() + " mailed to " + delivered.size() + " recipient(s)");
      log.info("Case {}: {} mailed to {} recipient(s)", c.getCaseNumber(), type, delivered.size());
    }
    if (!refused.isEmpty()) {
      archive.release(letter, refused);
      throw new MailNotDeliveredException(c.getCaseNumber(), type, refused.size(), claimed.size());
    }
    return letter;
  }

  /** A letter as the correspondence log shows it: sent to whom and when. */
  public record Sent(LetterType type, String subject, java.time.LocalDate sentOn, List<String> recipients,
      List<String> unconfirmed) {
  }

  /**
   * Every letter of a case that went (or may have gone) to someone, oldest first. A delivery
   * claimed but never confirmed (the node died between claiming and recording) is listed as
   * unconfirmed: it is never mailed again automatically.
   */
  public List<Sent> correspondence(String caseNumber) {
    Map<String, List<LetterArchive.Delivery>> byLetter = new java.util.LinkedHashMap<>();
    archive.deliveries(caseNumber).forEach(d -> byLetter.computeIfAbsent(d.letterKey(), k -> new ArrayList<>()).add(d));
    List<Sent> sent = new ArrayList<>();
    byLetter.values().forEach(deliveries -> {
      LetterArchive.Delivery first = deliveries.get(0);
      List<String> to = deliveries.stream().filter(d -> d.status() == LetterArchive.DeliveryStatus.SENT)
          .map(LetterArchive.Delivery::recipient).toList();
      List<String> unconfirmed = deliveries.stream().filter(d -> d.status() != LetterArchive.DeliveryStatus.SENT)
          .map(LetterArchive.Delivery::recipient).toList();
      java.time.LocalDate sentOn = deliveries.stream().map(LetterArchive.Delivery::sentAt)
          .filter(java.util.Objects::nonNull).max(java.time.Instant::compareTo).map(clock::dayOf).orElse(null);
      sent.add(new Sent(first.type(), first.subject(), sentOn, to, unconfirmed));
    });
    return sent;
  }

  public java.util.Optional<Sent> delivery(String caseNumber, LetterType type) {
    return correspondence(caseNumber).stream().filter(s -> s.type() == type && !s.recipients().isEmpty()).findFirst();
  }

  /** The text and PDF of a letter, as it was archived; empty before it exists. */
  public java.util.Optional<StoredLetter> archived(String caseNumber, LetterType type) {
    return archive.find(caseNumber, type.name());
  }

  private LetterArchive.Rendered render(ImrCase c, LetterType type, Map<String, Object> extra) {
    String text = renderer.text(type, content.of(c, extra));
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
