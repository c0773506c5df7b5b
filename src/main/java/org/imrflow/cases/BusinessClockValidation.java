package org.imrflow.cases;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bean Validation reads "today" from the business clock, so that {@code @PastOrPresent} on a
 * received or certified date is checked the same way everywhere: the day in California (where the
 * application counts days) by the engine's time, which tests move.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClockValidation {

  @Bean
  ValidationConfigurationCustomizer businessClockForValidation(BusinessClock clock) {
    return configuration -> configuration.clockProvider(clock::asClock);
  }
}
