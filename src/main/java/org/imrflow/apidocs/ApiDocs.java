package org.imrflow.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /api/docs (springdoc): the operations come from the controllers and
 * their summaries, what they all share from here, so that an endpoint added later is described
 * with its login and refusals without repeating them on it.
 */
@Configuration
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocs {

  @Bean
  OperationCustomizer operationRefusals() {
    return new OperationRefusals();
  }

  @Bean
  OpenApiCustomizer apiDescription(ApiDocsProperties properties) {
    return new ApiDescription(properties, new ApiExamples());
  }
}
