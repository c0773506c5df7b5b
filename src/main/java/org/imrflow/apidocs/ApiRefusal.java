package org.imrflow.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal that only this /api operation gives (say 409), described in its OpenAPI answers as
 * problem+json. Unlike springdoc's {@code @ApiResponse}, it leaves the generated success answer in
 * place. The refusals every operation shares need no annotation ({@link OperationRefusals}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiRefusal.List.class)
public @interface ApiRefusal {

  /** The HTTP status, e.g. "409". */
  String status();

  /** When the operation answers it. */
  String when();

  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface List {
    ApiRefusal[] value();
  }
}
