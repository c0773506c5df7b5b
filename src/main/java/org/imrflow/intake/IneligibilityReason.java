package org.imrflow.intake;

/** Why an application cannot go to review (8 CCR 9792.10.3; API.md §5). */
public enum IneligibilityReason {
  UNSIGNED,
  LATE_APPLICATION,
  NO_UR_REPORT,
  CONDITIONALLY_NON_CERTIFIED,
  DUPLICATE,
  /** Filed by someone other than the employee or the employee's representative (LC 4610.5(d)). */
  NOT_FILED_BY_EMPLOYEE
}
