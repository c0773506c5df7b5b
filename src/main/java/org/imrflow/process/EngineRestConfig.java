package org.imrflow.process;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** IMRflow's additions to Camunda's engine REST API (a Jersey application at /engine-rest). */
@Configuration
class EngineRestConfig {

  @Bean
  ResourceConfigCustomizer taskRefusals() {
    return config -> config.register(TaskRefusalMapper.class);
  }
}
