package org.imrflow.reviewers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A panel reviewer's profile (API.md §6), linked to the Camunda user {@code userId}.
 * {@code profession} and {@code certifications} are additive (issue 17): clients that send only
 * {@code boardCertifications} keep working.
 */
public record ReviewerProfile(
    @NotBlank @Size(max = 100) @Pattern(regexp = "[a-zA-Z0-9._-]+", message = "may contain letters, digits, '.', '_' and '-' only") String userId,
    @NotBlank @Size(max = 200) String name,
    @Schema(description = "The reviewer's profession (license type). What a reviewer may decide depends on it as well "
        + "as on the certifications (processes/reviewer-specialties.dmn): a DC or LAC never decides surgery, "
        + "medication, imaging or injection items. Absent on profiles registered before it existed: then only "
        + "the specialty is matched; give it for every reviewer.")
    Profession profession,
    @Schema(description = "Board certifications and specialties without an expiry date (as before). The names of "
        + "`certifications` are listed here too, so that clients reading only this list see every one.")
    List<@NotBlank @Size(max = 200) String> boardCertifications,
    List<@NotBlank @Size(max = 200) String> subspecialties,
    @Schema(description = "Board certifications with their expiry date: a certification counts through its "
        + "`expires` day and not after, for the specialty match and for a physician's board certification. "
        + "A certification without `expires` is a 400 naming `certifications[i].expires`.")
    @Valid List<@NotNull @Valid Certification> certifications,
    @Valid List<@NotNull @Valid License> licenses,
    @Min(0) @Max(80) Integer yearsInPractice,
    @Min(0) @Max(168) Integer activePracticeHoursPerWeek,
    @Valid List<@NotNull @Valid Affiliation> affiliations,
    Boolean active) {

  /** Old shape, without profession and dated certifications (kept for code and tests that build one). */
  public ReviewerProfile(String userId, String name, List<String> boardCertifications, List<String> subspecialties,
      List<License> licenses, Integer yearsInPractice, Integer activePracticeHoursPerWeek,
      List<Affiliation> affiliations, Boolean active) {
    this(userId, name, null, boardCertifications, subspecialties, null, licenses, yearsInPractice,
        activePracticeHoursPerWeek, affiliations, active);
  }

  public record License(
      @NotBlank @Size(min = 2, max = 2) @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter state code") String state,
      @Size(max = 50) String number,
      @NotNull LocalDate expires) {
  }

  /** A board certification that lapses: it counts through {@code expires}. */
  public record Certification(
      @NotBlank @Size(max = 200) String name,
      @NotNull(message = "must be given: a certification needs its expiry date") LocalDate expires) {
  }

  public record Affiliation(@NotNull AffiliationKind kind, @Size(max = 100) String id, @Size(max = 200) String name) {
  }

  public enum AffiliationKind { EMPLOYER, EMPLOYEE, CLAIMS_ADMINISTRATOR, UR_ORGANIZATION, PROVIDER, FACILITY, OTHER }

  /**
   * API.md §6: MD, DO (physicians), DC (chiropractor), LAC (licensed acupuncturist),
   * PHD_PSYCHOLOGY and PSYD (psychologists), DPM (podiatrist), DDS (dentist), PT (physical therapist).
   */
  public enum Profession {
    MD, DO, DC, LAC, PHD_PSYCHOLOGY, PSYD, DPM, DDS, PT, OTHER;

    /** DOMAIN.md §2: "for physicians, a current board certification". */
    public boolean physician() {
      return this == MD || this == DO;
    }
  }

  /**
   * Absent lists are empty; absent {@code active} means active; every certification's name is
   * also in {@code boardCertifications}, once.
   */
  public ReviewerProfile normalized() {
    List<String> board = new ArrayList<>(orEmpty(boardCertifications));
    for (Certification c : orEmpty(certifications)) {
      if (board.stream().noneMatch(b -> b.trim().equalsIgnoreCase(c.name().trim()))) {
        board.add(c.name().trim());
      }
    }
    return new ReviewerProfile(userId, name.trim(), profession, List.copyOf(board), orEmpty(subspecialties),
        orEmpty(certifications), orEmpty(licenses), yearsInPractice, activePracticeHoursPerWeek,
        orEmpty(affiliations), active == null || active);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
