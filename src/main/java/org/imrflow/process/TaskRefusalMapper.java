package org.imrflow.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine REST API answers a task completion that IMRflow refused (see {@link TaskInput}) with
 * 400 and the refusal's own words, not 500: the engine wraps listener exceptions, and its task
 * resource turns them into server errors. Every other error is answered as Camunda does.
 */
@Provider
@Priority(1)
public class TaskRefusalMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    FormFieldValidationException refusal = refusal(exception);
    if (refusal != null) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType("InvalidTaskInput");
      dto.setMessage(refusal.getMessage());
      return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
    return camunda.toResponse(exception);
  }

  /** IMRflow's refusal inside the engine's wrappers, or null when the error is not one. */
  static FormFieldValidationException refusal(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return null;
  }
}
