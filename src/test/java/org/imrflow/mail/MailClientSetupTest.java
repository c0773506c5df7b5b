package org.imrflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP client's sockets have Nagle's algorithm off, and mail still goes through them; Jakarta Mail
 * finds its stream provider by name.
 */
class MailClientSetupTest {

  private final MailClientSetup setup = new MailClientSetup();

  @Test
  void aSenderGetsTheNoDelayFactoryAndItsSocketsHaveNoDelay() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    setup.postProcessBeforeInitialization(sender, "javaMailSender");

    Object factory = sender.getJavaMailProperties().get(MailClientSetup.FACTORY);
    assertThat(factory).isInstanceOf(NoDelaySocketFactory.class);
    try (Socket socket = ((NoDelaySocketFactory) factory).createSocket()) {
      assertThat(socket.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void theStreamProviderIsNamedUnlessTheJvmNamesOne() {
    String before = System.getProperty(MailClientSetup.STREAM_PROVIDER);
    try {
      System.clearProperty(MailClientSetup.STREAM_PROVIDER);
      new MailClientSetup();
      assertThat(System.getProperty(MailClientSetup.STREAM_PROVIDER)).isEqualTo(MailClientSetup.ANGUS_STREAM_PROVIDER);
      assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailClientSetup.ANGUS_STREAM_PROVIDER);

      System.setProperty(MailClientSetup.STREAM_PROVIDER, "com.example.TheirStreamProvider");
      new MailClientSetup();
      assertThat(System.getProperty(MailClientSetup.STREAM_PROVIDER)).isEqualTo("com.example.TheirStreamProvider");
    } finally {
      if (before == null) {
        System.clearProperty(MailClientSetup.STREAM_PROVIDER);
      } else {
        System.setProperty(MailClientSetup.STREAM_PROVIDER, before);
      }
    }
  }

  @Test
  void aFactoryChosenInTheConfigurationIsKept() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.getJavaMailProperties().setProperty(MailClientSetup.FACTORY + ".class", "com.example.TheirFactory");
    setup.postProcessBeforeInitialization(sender, "javaMailSender");

    assertThat(sender.getJavaMailProperties()).doesNotContainKey(MailClientSetup.FACTORY);
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
      setup.postProcessBeforeInitialization(sender, "javaMailSender");
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
