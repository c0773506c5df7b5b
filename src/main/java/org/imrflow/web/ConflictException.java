package org.imrflow.web;

/** The request is valid but the case's state forbids it: answered 409. */
public class ConflictException extends RuntimeException {
  public ConflictException(String detail) {
    super(detail);
  }
}
