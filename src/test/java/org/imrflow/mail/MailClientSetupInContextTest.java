package org.imrflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The application's mail sender, the one the letters go through, opens its sockets without Nagle's
 * delay, and the application names Jakarta Mail's stream provider.
 */
@IntegrationTest
class MailClientSetupInContextTest {

  @Autowired
  JavaMailSender sender;

  @Test
  void theLettersSenderUsesTheNoDelayFactory() {
    assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties().get(MailClientSetup.FACTORY))
        .isInstanceOf(NoDelaySocketFactory.class);
    assertThat(System.getProperty(MailClientSetup.STREAM_PROVIDER)).isEqualTo(MailClientSetup.ANGUS_STREAM_PROVIDER);
  }
}
