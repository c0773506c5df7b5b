package org.imrflow.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * The refusals every /api operation can give, read from its handler method so that an endpoint
 * added later is described too: 401 always (Spring Security answers it before the controller), 403
 * unless it is open to {@link AnyAuthenticatedUser every user} (the groups in
 * {@code security.Access}), 404 when a path variable names something, 400 when it takes input.
 * Refusals only some operations give (409, 413, 415) are declared on them with {@link ApiRefusal};
 * {@link ApiDescription} gives every refusal its problem+json body.
 */
class OperationRefusals implements OperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    MethodParameter[] parameters = handler.getMethodParameters();
    if (has(parameters, RequestBody.class) || has(parameters, RequestParam.class) || has(parameters, RequestPart.class)) {
      add(responses, "400", "Invalid input: `errors` names each field and what is wrong with it. Nothing was created"
          + " or changed.");
    }
    add(responses, "401", "No HTTP Basic credentials of a Camunda user, nor a Camunda webapp session (which"
        + " changes data only with its CSRF token in X-XSRF-TOKEN).");
    if (!handler.hasMethodAnnotation(AnyAuthenticatedUser.class)) {
      add(responses, "403", "The user's groups do not allow this operation.");
    }
    if (has(parameters, PathVariable.class)) {
      add(responses, "404", "Nothing of that name, or a case the user may not read (answered as if it did not"
          + " exist).");
    }
    for (ApiRefusal refusal : handler.getMethod().getAnnotationsByType(ApiRefusal.class)) {
      add(responses, refusal.status(), refusal.when());
    }
    operation.setResponses(responses);
    return operation;
  }

  private static boolean has(MethodParameter[] parameters, Class<? extends Annotation> type) {
    return Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(type));
  }

  private static void add(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, new ApiResponse().description(description));
    }
  }
}
