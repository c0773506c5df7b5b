package org.imrflow.process;

import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist submits forms through the webapps' own engine API, a JAX-RS application of its own that
 * Camunda's webapp starter registers. {@link TaskRefusalMapper} is added to it as it is to the engine
 * REST API: IMRflow's refusals are answered 400 with their own words, which Tasklist shows the user,
 * instead of a server error that Camunda's REST layer logs with its stack trace.
 */
@Configuration
class WebappTaskRefusals {

  /** The servlet Camunda's webapp starter registers for the webapps' engine API. */
  static final String ENGINE_API_SERVLET = "Engine Api";

  @Bean
  WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> webappRefusals() {
    // The server factory's own initializers run after the application's, Camunda's webapp initializer among them.
    return factory -> factory.addInitializers(context -> {
      ServletRegistration engineApi = context.getServletRegistration(ENGINE_API_SERVLET);
      // None where the webapps are turned off (camunda.bpm.webapp.enabled=false): no Tasklist to answer.
      if (engineApi != null) {
        engineApi.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, TaskRefusalMapper.class.getName());
      }
    });
  }
}
