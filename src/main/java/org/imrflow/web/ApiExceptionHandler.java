package org.imrflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every 4xx of /api as RFC 9457 problem+json, with field errors for invalid input (API.md §4). */
@RestControllerAdvice(basePackages = "org.imrflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Object> invalid(InvalidInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.errors());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), null);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid input", "invalid value for " + e.getName(),
        List.of(new FieldProblem(e.getName(), "invalid value")));
  }

  /**
   * A service method's {@code @Valid} argument (a @Validated service: checked after the caller's
   * access, so a user without the right gets 403 whatever they sent), fields named from the argument.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> invalidArgument(ConstraintViolationException e) {
    List<FieldProblem> errors = FieldProblem.ofArguments(e.getConstraintViolations());
    return problem(HttpStatus.BAD_REQUEST, "Invalid input", new InvalidInputException(errors).getMessage(), errors);
  }

  /** A request body with {@code @Valid} that breaks its constraints: every field named, as FieldProblem.of does. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(FieldProblem.fieldName(f.getField()), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    errors.sort(Comparator.comparing(FieldProblem::field));
    return problem(HttpStatus.BAD_REQUEST, "Invalid input", new InvalidInputException(errors).getMessage(), errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = JsonPaths.of(mapping.getPath());
      String message = mapping instanceof InvalidFormatException invalid
          ? "invalid value " + quoted(invalid.getValue()) + expected(invalid.getTargetType())
          : mapping instanceof MismatchedInputException mismatched
              ? "invalid value" + expected(mismatched.getTargetType())
              : "invalid value";
      return problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message,
          List.of(new FieldProblem(field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
        "The request body is not valid JSON or has the wrong shape", List.of());
  }

  private static String quoted(Object value) {
    return value == null ? "null" : "'" + value + "'";
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type.isEnum()) {
      return ": expected one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == LocalDate.class) {
      return ": expected a date yyyy-MM-dd";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return ": expected a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return ": expected true or false";
    }
    return ": expected " + type.getSimpleName();
  }

  static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (errors != null) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
