package org.imrflow.intake;

import org.imrflow.web.ConflictException;

/** The same dispute is already open under another case number (API.md §5: 409). */
class DuplicateApplicationException extends ConflictException {
  DuplicateApplicationException(String openCaseNumber) {
    this("An identical application is already open as case " + openCaseNumber, true);
  }

  private DuplicateApplicationException(String message, boolean unused) {
    super(message);
  }

  /** Not the same set of items, but every one of them is under review in an open case. */
  static DuplicateApplicationException everyItem(String openCaseNumber) {
    return new DuplicateApplicationException("Every disputed item is already under review in an open case, such as "
        + "case " + openCaseNumber, true);
  }
}
