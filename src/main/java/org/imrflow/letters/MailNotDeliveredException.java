package org.imrflow.letters;

/** Some recipients did not get the letter (yet): the job fails and is retried. Names no address. */
class MailNotDeliveredException extends RuntimeException {
  MailNotDeliveredException(String caseNumber, LetterType type, int refused, int attempted) {
    super("Case " + caseNumber + ": the mail server did not take " + type + " for " + refused + " of " + attempted
        + " recipient(s); the job will be retried");
  }

  private MailNotDeliveredException(String message) {
    super(message);
  }

  /** Deliveries claimed by another attempt and not (yet) confirmed by the mail server. */
  static MailNotDeliveredException unconfirmed(String caseNumber, LetterType type, int recipients) {
    return new MailNotDeliveredException("Case " + caseNumber + ": " + type + " to " + recipients + " recipient(s) "
        + "is being mailed by another attempt or was left unconfirmed by one that died; the job will be retried");
  }
}
