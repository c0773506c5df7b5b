package org.imrflow.documents;

import java.util.List;
import org.imrflow.web.FieldProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The upload's own refusals as problem+json (API.md §4): a file over the limit 413 (whether our
 * stream or the servlet container's multipart limit noticed), a type not accepted 415, and a
 * multipart body that breaks off 400. Ahead of the general handler, which would answer these 500.
 */
@RestControllerAdvice(basePackageClasses = DocumentProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

  private final DocumentSettings settings;

  DocumentProblems(DocumentSettings settings) {
    this.settings = settings;
  }

  @ExceptionHandler(RefusedFileException.class)
  ResponseEntity<ProblemDetail> refused(RefusedFileException e) {
    return problem(e.status, e.title, e.getMessage(), e.field);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
        "A file may have at most " + settings.maxFileSize().toMegabytes() + " MB", "file");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> brokenUpload(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid input",
        "The multipart request could not be read (broken off or malformed): nothing was stored", "file");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String field) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setProperty("errors", List.of(new FieldProblem(field, detail)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
