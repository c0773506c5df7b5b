package org.imrflow.setup;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a {@code prod} node that lacks what production needs, before any bean touches
 * a database or a port. Without these settings the application would otherwise start "fine": with
 * no {@code spring.mail.host} every letter would go to the embedded test mail server and reach no
 * one; with no PostgreSQL URL Spring Boot would quietly use an in-memory H2 database; with no
 * administrator nobody could log in to a fresh installation.
 */
@Component
@Profile("prod")
class ProductionSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("IMRflow cannot start with profile prod: " + String.join("; ", problems));
    }
  }

  static List<String> problems(Environment env) {
    List<String> problems = new ArrayList<>();
    if (blank(env.getProperty("spring.mail.host"))) {
      problems.add("spring.mail.host is not set: production mails every letter through a real SMTP server "
          + "(--spring.mail.host=smtp.example.org --spring.mail.port=587, or SPRING_MAIL_HOST)");
    }
    String url = env.getProperty("spring.datasource.url");
    if (blank(url)) {
      problems.add("spring.datasource.url is not set: production runs on PostgreSQL "
          + "(--spring.datasource.url=jdbc:postgresql://host:5432/imrflow with spring.datasource.username/.password, "
          + "or SPRING_DATASOURCE_URL)");
    } else if (!url.startsWith("jdbc:postgresql:")) {
      problems.add("spring.datasource.url must be a PostgreSQL URL (jdbc:postgresql://...): production runs on PostgreSQL");
    }
    if (blank(env.getProperty("camunda.bpm.admin-user.id")) || blank(env.getProperty("camunda.bpm.admin-user.password"))) {
      problems.add("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password are not both set: "
          + "they name the administrator created at the first start (group camunda-admin)");
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
