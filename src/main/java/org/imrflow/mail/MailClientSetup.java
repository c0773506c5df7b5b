package org.imrflow.mail;

import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * How the application's SMTP client is set up, for every mail sender: the embedded server's and the
 * one Spring Boot configures from {@code spring.mail.*}.
 * <ul>
 * <li>Its sockets have Nagle's algorithm off ({@link NoDelaySocketFactory}), unless
 * {@code spring.mail.properties} chose a socket factory. TLS keeps the option: STARTTLS upgrades the
 * socket, and implicit TLS ({@code mail.smtp.ssl.enable}) without an SSL factory of its own is
 * layered by Jakarta Mail over this factory's socket.</li>
 * <li>Jakarta Mail's stream provider is named in the system property it reads first. Unnamed, the
 * API looks it up with a new ServiceLoader for every message part it makes, encodes or writes
 * (jakartaee/mail-api#861): 8.5% of a full case's CPU samples, half of the embedded server's. Set
 * here, before any sender exists, unless the JVM was started with it.</li>
 * </ul>
 */
@Component
class MailClientSetup implements BeanPostProcessor {

  static final String FACTORY = "mail.smtp.socketFactory";
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  MailClientSetup() {
    if (System.getProperty(STREAM_PROVIDER) == null
        && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailClientSetup.class.getClassLoader())) {
      System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }
  }

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
