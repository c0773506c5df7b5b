package org.imrflow.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** What a prod node refuses to start without (ClusterIT starts one without a mail server). */
class ProductionSettingsCheckTest {

  private static MockEnvironment complete() {
    return new MockEnvironment()
        .withProperty("spring.mail.host", "smtp.example.org")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.org:5432/imrflow")
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "secret");
  }

  @Test
  void aCompleteProductionConfigurationPasses() {
    assertThat(ProductionSettingsCheck.problems(complete())).isEmpty();
  }

  @Test
  void withoutAMailServerTheNodeDoesNotStart() {
    ProductionSettingsCheck check = new ProductionSettingsCheck();
    check.setEnvironment(complete().withProperty("spring.mail.host", " "));
    assertThatThrownBy(() -> check.postProcessBeanFactory(new DefaultListableBeanFactory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("IMRflow cannot start with profile prod: spring.mail.host is not set");
  }

  @Test
  void theEmbeddedDatabaseOrNoneIsRefused() {
    assertThat(ProductionSettingsCheck.problems(complete().withProperty("spring.datasource.url",
        "jdbc:h2:file:./data/imrflow"))).singleElement().asString().contains("must be a PostgreSQL URL");
    assertThat(ProductionSettingsCheck.problems(complete().withProperty("spring.datasource.url", "")))
        .singleElement().asString().startsWith("spring.datasource.url is not set");
  }

  @Test
  void theAdministratorNeedsIdAndPassword() {
    assertThat(ProductionSettingsCheck.problems(complete().withProperty("camunda.bpm.admin-user.password", "")))
        .singleElement().asString().contains("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password");
  }
}
