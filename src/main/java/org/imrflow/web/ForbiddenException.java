package org.imrflow.web;

/** Answered 403: authenticated, but not allowed to do this. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String detail) {
    super(detail);
  }
}
