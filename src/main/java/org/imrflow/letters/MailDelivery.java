package org.imrflow.letters;

import org.imrflow.cases.Organization;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails a letter's messages over one SMTP connection (a connection costs far more than a message),
 * one message at a time, so that the caller can record each delivery the moment the server took
 * it: a crash then leaves at most the one message in transit unconfirmed, not the whole batch.
 * Each message is the letter's text with its PDF attached.
 */
@Component
class MailDelivery {

  private static final String TEXT = "text/plain; charset=UTF-8";

  private final JavaMailSender mail;
  private final Organization organization;

  MailDelivery(JavaMailSender mail, Organization organization) {
    this.mail = mail;
    this.organization = organization;
  }

  /** An open connection to the mail server. */
  interface Connection extends AutoCloseable {
    /** @return true once the server took the message, false when it refused it or the connection failed */
    boolean send(StoredLetter letter, String recipient);

    @Override
    void close();
  }

  /** Connects to the mail server; a server that cannot be reached throws here, before anything is claimed. */
  Connection open() {
    if (!(mail instanceof JavaMailSenderImpl sender)) {
      return new ThroughSender();
    }
    try {
      Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
      String username = sender.getUsername() == null || sender.getUsername().isEmpty() ? null : sender.getUsername();
      transport.connect(sender.getHost(), sender.getPort(), username, username == null ? null : sender.getPassword());
      return new OverTransport(transport);
    } catch (MessagingException e) {
      throw new MailSendException("cannot connect to the mail server", e);
    }
  }

  /** One SMTP session for every message (the sender Spring Boot and {@code MailConfig} configure). */
  private final class OverTransport implements Connection {

    private final Transport transport;
    private final Messages messages = new Messages();

    OverTransport(Transport transport) {
      this.transport = transport;
    }

    @Override
    public boolean send(StoredLetter letter, String recipient) {
      try {
        MimeMessage message = messages.to(letter, recipient);
        transport.sendMessage(message, message.getAllRecipients());
        return true;
      } catch (MessagingException | IllegalStateException refusedOrDropped) {
        // IllegalStateException: the server dropped the connection earlier ("Not connected")
        return false;
      }
    }

    @Override
    public void close() {
      try {
        transport.close();
      } catch (MessagingException ignored) {
        // the messages are sent or not already; closing changes neither
      }
    }
  }

  /** Any other {@link JavaMailSender} (a bean of one's own): it opens its own session per message. */
  private final class ThroughSender implements Connection {

    private final Messages messages = new Messages();

    @Override
    public boolean send(StoredLetter letter, String recipient) {
      try {
        mail.send(messages.to(letter, recipient));
        return true;
      } catch (MailException refused) {
        return false;
      }
    }

    @Override
    public void close() {
      // each message closed its own session
    }
  }

  /**
   * A letter's message, built and encoded once for all its recipients: each send changes only the
   * recipient and the Message-ID (the PDF's base64 was a fifth of a letter's mailing CPU, four times).
   */
  private final class Messages {

    private StoredLetter letter;
    private MimeMessage message;

    MimeMessage to(StoredLetter letter, String recipient) {
      try {
        if (this.letter != letter) {
          this.message = message(letter);
          this.letter = letter;
        }
        message.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(recipient, true)});
        // Set after saveChanges, which would replace it: the same letter to the same recipient always
        // has the same Message-ID, so that a repeat after a crash can be recognised as one.
        message.setHeader("Message-ID", messageId(letter, recipient));
        return message;
      } catch (MessagingException e) {
        throw new IllegalStateException("cannot address the message for case " + letter.caseNumber(), e);
      }
    }
  }

  private MimeMessage message(StoredLetter letter) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(organization.email());
      helper.setSubject(letter.subject());
      // The text too is encoded once: as a String part Jakarta Mail's text handler wrote it into the
      // SMTP stream a byte at a time for every recipient (most of a message's sending CPU). The same
      // part setText would make (text/plain, UTF-8, the transfer encoding saveChanges would choose).
      helper.getMimeMultipart().addBodyPart(text(letter.text()));
      PreencodedMimeBodyPart pdf = new PreencodedMimeBodyPart("base64");
      pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(
          Base64.getMimeEncoder().encode(letter.pdf()), "application/pdf")));
      // Said outright: saveChanges would otherwise read the whole encoded PDF to choose an encoding
      // (an eighth of a letter's mailing CPU), only for this part to set base64 over it.
      pdf.setHeader("Content-Transfer-Encoding", "base64");
      pdf.setFileName(letter.caseNumber() + "-" + letter.letterKey().toLowerCase() + ".pdf");
      pdf.setDisposition(Part.ATTACHMENT);
      helper.getRootMimeMultipart().addBodyPart(pdf);
      message.setHeader("X-IMR-Letter", letter.caseNumber() + "/" + letter.letterKey());
      message.setSentDate(new Date());
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the message for case " + letter.caseNumber(), e);
    }
  }

  private static PreencodedMimeBodyPart text(String text) throws MessagingException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    String encoding = MimeUtility.getEncoding(new ByteArrayDataSource(utf8, TEXT));
    ByteArrayOutputStream encoded = new ByteArrayOutputStream(utf8.length + utf8.length / 8);
    try (OutputStream out = MimeUtility.encode(encoded, encoding)) {
      out.write(utf8);
    } catch (IOException e) {
      throw new MessagingException("cannot encode the letter's text", e);
    }
    PreencodedMimeBodyPart part = new PreencodedMimeBodyPart(encoding);
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(encoded.toByteArray(), TEXT)));
    part.setHeader("Content-Transfer-Encoding", encoding);
    return part;
  }

  private String messageId(StoredLetter letter, String recipient) {
    String domain = organization.email().substring(organization.email().indexOf('@') + 1);
    return "<" + letter.caseNumber() + "." + letter.letterKey().toLowerCase() + "." + digest(recipient) + "@" + domain + ">";
  }

  private static String digest(String recipient) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.toLowerCase().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
