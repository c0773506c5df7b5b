package org.imrflow.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON binds only what it says: Jackson's defaults would read {@code "category": 7} as the 8th
 * category, {@code "signedByEmployee": "yes"} or {@code 1} as a boolean and {@code "name": 5} as a
 * name, and so accept an application about the wrong treatment. Each of these is a 400 naming the
 * field instead (ApiExceptionHandler). Unknown enum values were refused already.
 */
@Configuration
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictCoercions() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .postConfigurer(mapper -> {
          // Dates are ISO strings only: not lenient, a number is no epoch day.
          mapper.setDefaultLeniency(false);
          // Numbers are never enums, nor strings; booleans never strings.
          mapper.coercionConfigFor(LogicalType.Enum)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          // Strings and numbers are never booleans.
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
          // Strings are never numbers.
          for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          }
          // Objects and arrays are never strings or scalars: no single-value unwrapping, no empty-object coercion.
          mapper.coercionConfigFor(LogicalType.POJO)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        });
  }
}
