package org.imrflow.intake;

import org.imrflow.web.ConflictException;

/** The same dispute is already open under another case number (API.md §5: 409). */
class DuplicateApplicationException extends ConflictException {
  DuplicateApplicationException(String openCaseNumber) {
    super("An identical application is already open as case " + openCaseNumber);
  }
}
