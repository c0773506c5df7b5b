package org.imrflow.security;

/** The groups of API.md §2 and what each may do. */
public final class Groups {
  public static final String ADMIN = "camunda-admin";
  public static final String COORDINATORS = "coordinators";
  public static final String REVIEWERS = "reviewers";
  public static final String MANAGERS = "managers";
  public static final String QUALITY_REVIEWERS = "quality-reviewers";

  private Groups() {
  }
}
