package org.imrflow.mail;

import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Every mail sender, the embedded server's and the one Spring Boot configures from
 * {@code spring.mail.*}, opens its SMTP sockets with Nagle's algorithm off
 * ({@link NoDelaySocketFactory}), unless {@code spring.mail.properties} chose a socket factory.
 * TLS keeps the option: STARTTLS upgrades the socket, and implicit TLS ({@code mail.smtp.ssl.enable})
 * without an SSL factory of its own is layered by Jakarta Mail over this factory's socket.
 */
@Component
class MailSockets implements BeanPostProcessor {

  static final String FACTORY = "mail.smtp.socketFactory";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof JavaMailSenderImpl sender) {
      Properties properties = sender.getJavaMailProperties();
      if (!properties.containsKey(FACTORY) && !properties.containsKey(FACTORY + ".class")) {
        // An object, not a class name: Jakarta Mail reads it with get, so it must be put, not set.
        properties.put(FACTORY, new NoDelaySocketFactory());
      }
    }
    return bean;
  }
}
