package org.imrflow.letters;

/** The notices and letters of an IMR, each with its template under {@code resources/letters/}. */
public enum LetterType {
  NOARFI("noarfi", "Notice of Assignment and Request for Information"),
  INELIGIBILITY("ineligibility", "Notice of Ineligibility for Independent Medical Review"),
  RECORDS_REMINDER("records-reminder", "Reminder: Medical Records Due for Independent Medical Review"),
  FINAL_DETERMINATION("final-determination", "Independent Medical Review Final Determination", true),
  TERMINATION("termination", "Notice of Termination of Independent Medical Review"),
  EXPEDITED("expedited", "Notice of Expedited Independent Medical Review");

  private final String template;
  private final String title;
  private final boolean reportsTheReview;

  LetterType(String template, String title) {
    this(template, title, false);
  }

  LetterType(String template, String title, boolean reportsTheReview) {
    this.template = template;
    this.title = title;
    this.reportsTheReview = reportsTheReview;
  }

  public String template() {
    return template;
  }

  public String title() {
    return title;
  }

  /** Whether the letter reports the review: its summary, the documents reviewed, the reviewers' credentials. */
  boolean reportsTheReview() {
    return reportsTheReview;
  }

  /** Subjects name the case, never the worker. */
  public String subject(String caseNumber) {
    return title + " - Case " + caseNumber;
  }
}
