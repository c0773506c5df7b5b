package org.imrflow.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without {@code spring.mail.host}, letters go to the embedded SMTP server; with it, Spring Boot's
 * own mail configuration sends them to that server.
 */
@Configuration
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class MailConfig {

  @Bean(initMethod = "start", destroyMethod = "stop")
  EmbeddedMailServer embeddedMailServer(@Value("${imrflow.mail.embedded-port:0}") int port) {
    return new EmbeddedMailServer(port);
  }

  @Bean
  JavaMailSender javaMailSender(EmbeddedMailServer server) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(server.port());
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
    return sender;
  }
}
