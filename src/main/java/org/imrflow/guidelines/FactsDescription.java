package org.imrflow.guidelines;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lists every fact name, its type and meaning in the OpenAPI description of the check's {@code facts},
 * from {@link Fact} itself, so the published list cannot drift from what the check reads.
 */
@Configuration
class FactsDescription {

  @Bean
  OpenApiCustomizer guidelineFactsDescription() {
    return api -> {
      if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
        return;
      }
      Schema<?> request = api.getComponents().getSchemas().get("CheckRequest");
      if (request == null || request.getProperties() == null || request.getProperties().get("facts") == null) {
        return;
      }
      Schema<?> facts = request.getProperties().get("facts");
      facts.setDescription(facts.getDescription() + "\n\n" + Arrays.stream(Fact.values())
          .map(f -> "- `" + f.name() + "` (" + f.type.expected + "): " + f.meaning)
          .collect(Collectors.joining("\n")));
    };
  }
}
