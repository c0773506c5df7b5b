package org.imrflow.reviewers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A panel reviewer's profile (API.md §6), linked to the Camunda user {@code userId}. */
public record ReviewerProfile(
    @NotBlank @Size(max = 100) @Pattern(regexp = "[a-zA-Z0-9._-]+", message = "may contain letters, digits, '.', '_' and '-' only") String userId,
    @NotBlank @Size(max = 200) String name,
    List<@NotBlank @Size(max = 200) String> boardCertifications,
    List<@NotBlank @Size(max = 200) String> subspecialties,
    @Valid List<@NotNull @Valid License> licenses,
    @Min(0) @Max(80) Integer yearsInPractice,
    @Min(0) @Max(168) Integer activePracticeHoursPerWeek,
    @Valid List<@NotNull @Valid Affiliation> affiliations,
    Boolean active) {

  public record License(
      @NotBlank @Size(min = 2, max = 2) @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter state code") String state,
      @Size(max = 50) String number,
      @NotNull LocalDate expires) {
  }

  public record Affiliation(@NotNull AffiliationKind kind, @Size(max = 100) String id, @Size(max = 200) String name) {
  }

  public enum AffiliationKind { EMPLOYER, EMPLOYEE, CLAIMS_ADMINISTRATOR, UR_ORGANIZATION, PROVIDER, FACILITY, OTHER }

  /** Absent lists are empty; absent {@code active} means active. */
  public ReviewerProfile normalized() {
    return new ReviewerProfile(userId, name.trim(), orEmpty(boardCertifications), orEmpty(subspecialties),
        orEmpty(licenses), yearsInPractice, activePracticeHoursPerWeek, orEmpty(affiliations), active == null || active);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
