package org.imrflow.letters;

/** The mail server refused some recipients: the job fails and is retried. Names no address. */
class MailNotDeliveredException extends RuntimeException {
  MailNotDeliveredException(String caseNumber, LetterType type, int refused, int attempted) {
    super("Case " + caseNumber + ": the mail server did not take " + type + " for " + refused + " of " + attempted
        + " recipient(s); the job will be retried");
  }
}
