package org.imrflow.reviewers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A panel reviewer considered for a case (API.md §6 reviewer-candidates). */
public record Candidate(String userId, String name, boolean eligible, List<String> reasons, int openCases,
    boolean californiaLicensed, @JsonIgnore String specialtyLine) {

  /** How the assignment form's dropdown shows the reviewer. */
  public String label() {
    return name + " — " + specialtyLine + (californiaLicensed ? " — CA licensed" : "") + " — " + openCases
        + (openCases == 1 ? " open case" : " open cases");
  }
}
