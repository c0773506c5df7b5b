package org.imrflow.web;

/** Answered 404. Also what a user learns of a case they may not read. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String detail) {
    super(detail);
  }
}
