package org.imrflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP client's sockets have Nagle's algorithm off, and mail still goes through them. */
class MailSocketsTest {

  private final MailSockets sockets = new MailSockets();

  @Test
  void aSenderGetsTheNoDelayFactoryAndItsSocketsHaveNoDelay() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sockets.postProcessBeforeInitialization(sender, "javaMailSender");

    Object factory = sender.getJavaMailProperties().get(MailSockets.FACTORY);
    assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
    try (Socket socket = ((NoDelaySocketFactory) factory).createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void aFactoryChosenInTheConfigurationIsKept() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.getJavaMailProperties().setProperty(MailSockets.FACTORY + ".class", "com.example.TheirFactory");
    sockets.postProcessBeforeInitialization(sender, "javaMailSender");

    assertThat(sender.getJavaMailProperties()).doesNotContainKey(MailSockets.FACTORY);
  }

  @Test
  void mailGoesThroughTheNoDelaySocketsToTheEmbeddedServer() throws Exception {
    EmbeddedMailServer server = new EmbeddedMailServer(0);
    server.start();
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(server.port());
      // As MailConfig sets it: with a connection timeout, Jakarta Mail asks the factory for an unconnected socket.
      sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
      sockets.postProcessBeforeInitialization(sender, "javaMailSender");
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom("imr@imrflow.test");
      message.setTo("worker@example.test");
      message.setSubject("Notice");
      message.setText("Sent over a socket without Nagle's delay.");

      sender.send(message);

      assertThat(server.received()).extracting(MimeMessage::getSubject).containsExactly("Notice");
    } finally {
      server.stop();
    }
  }
}
