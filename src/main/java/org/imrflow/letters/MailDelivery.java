package org.imrflow.letters;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails one letter to several recipients over one SMTP connection (a connection costs far more
 * than a message), each message the letter's text with its PDF attached.
 */
@Component
class MailDelivery {

  private final JavaMailSender mail;
  private final Organization organization;

  MailDelivery(JavaMailSender mail, Organization organization) {
    this.mail = mail;
    this.organization = organization;
  }

  /** @return the recipients that the server refused (empty when all went out) */
  List<String> send(StoredLetter letter, List<String> recipients) {
    Map<MimeMessage, String> messages = new LinkedHashMap<>();
    for (String recipient : recipients) {
      messages.put(message(letter, recipient), recipient);
    }
    try {
      mail.send(messages.keySet().toArray(new MimeMessage[0]));
      return List.of();
    } catch (MailSendException e) {
      if (e.getFailedMessages().isEmpty()) {
        return List.copyOf(recipients);
      }
      List<String> failed = new ArrayList<>();
      e.getFailedMessages().keySet().forEach(m -> failed.add(messages.get(m)));
      return failed;
    } catch (MailException e) {
      return List.copyOf(recipients);
    }
  }

  private MimeMessage message(StoredLetter letter, String recipient) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(organization.email());
      helper.setTo(recipient);
      helper.setSubject(letter.subject());
      helper.setText(letter.text());
      helper.addAttachment(letter.caseNumber() + "-" + letter.letterKey().toLowerCase() + ".pdf",
          new ByteArrayResource(letter.pdf()), "application/pdf");
      message.setHeader("X-IMR-Letter", letter.caseNumber() + "/" + letter.letterKey());
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the message for case " + letter.caseNumber(), e);
    }
  }
}
