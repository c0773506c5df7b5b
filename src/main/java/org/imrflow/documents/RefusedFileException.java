package org.imrflow.documents;

import org.springframework.http.HttpStatus;

/** A file the case file does not take (wrong type 415, too large 413): answered as problem+json. */
class RefusedFileException extends RuntimeException {

  final HttpStatus status;
  final String title;
  final String field;

  RefusedFileException(HttpStatus status, String title, String field, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }
}
