package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a reviewer may review a case, and every reason not (API.md §6 reason codes): the
 * reviewer's standing (activity, licenses, certification, experience, hours), which is the same for
 * every case on a given day, and what the case adds (specialty, conflicts).
 */
final class QualificationRules {

  private QualificationRules() {
  }

  /**
   * @param accepted per disputed item, who may decide it (professions and specialties, from
   *     processes/reviewer-specialties.dmn)
   */
  static List<String> reasons(PanelReviewer r, QualificationPolicy policy, LocalDate today,
      List<ItemReviewers> accepted, List<CaseParty> parties) {
    return forCase(standing(r, policy, today), r, today, accepted, ConflictScreening.Parties.of(parties));
  }

  /** The reasons that do not depend on the case; immutable, and the same empty list for most. */
  static List<String> standing(PanelReviewer r, QualificationPolicy policy, LocalDate today) {
    List<String> reasons = new ArrayList<>(2);
    if (!r.active()) {
      reasons.add("INACTIVE");
    }
    if (r.profile().licenses().isEmpty()) {
      reasons.add("NO_VALID_LICENSE");
    } else if (!r.hasCurrentLicense(today)) {
      reasons.add("LICENSE_EXPIRED");
    } else if (policy.requireCaliforniaLicense() && !r.hasCurrentCaliforniaLicense(today)) {
      reasons.add("NO_CALIFORNIA_LICENSE");
    }
    // DOMAIN.md §2: physicians need a current board certification; a chiropractor, acupuncturist or
    // psychologist is qualified by the license of the profession. No profession: as a physician.
    if (r.profession() == null || r.profession().physician()) {
      if (r.profile().boardCertifications().isEmpty()) {
        reasons.add("NO_BOARD_CERTIFICATION");
      } else if (!r.hasCurrentCertification(today)) {
        reasons.add("CERTIFICATION_EXPIRED");
      }
    }
    Integer years = r.profile().yearsInPractice();
    if (years == null || years <= policy.minYearsInPractice()) {
      reasons.add("INSUFFICIENT_EXPERIENCE");
    }
    Integer hours = r.profile().activePracticeHoursPerWeek();
    if (hours == null || hours < policy.minPracticeHoursPerWeek()) {
      reasons.add("INSUFFICIENT_PRACTICE_HOURS");
    }
    return List.copyOf(reasons);
  }

  /**
   * The standing reasons with the case's own added in the order the API lists them (specialty
   * after certification, conflicts last); the standing list itself when the case adds none.
   */
  static List<String> forCase(List<String> standing, PanelReviewer r, LocalDate today, List<ItemReviewers> accepted,
      ConflictScreening.Parties parties) {
    boolean mismatch = !fitsEveryItem(r, today, accepted);
    Set<String> conflicts = parties.conflicts(r.affiliations());
    if (!mismatch && conflicts.isEmpty()) {
      return standing;
    }
    List<String> reasons = new ArrayList<>(standing.size() + 1 + conflicts.size());
    for (String reason : standing) {
      if (mismatch && (reason.equals("INSUFFICIENT_EXPERIENCE") || reason.equals("INSUFFICIENT_PRACTICE_HOURS"))
          && !reasons.contains("SPECIALTY_MISMATCH")) {
        reasons.add("SPECIALTY_MISMATCH");
      }
      reasons.add(reason);
    }
    if (mismatch && !reasons.contains("SPECIALTY_MISMATCH")) {
      reasons.add("SPECIALTY_MISMATCH");
    }
    reasons.addAll(conflicts);
    return reasons;
  }

  private static boolean fitsEveryItem(PanelReviewer r, LocalDate today, List<ItemReviewers> accepted) {
    if (accepted.isEmpty()) {
      return true;
    }
    // An expired certification does not count (issue 17): the specialties current today.
    Set<String> specialties = r.specialtiesOn(today);
    for (ItemReviewers item : accepted) {
      if (!item.admits(r.profession(), specialties)) {
        return false;
      }
    }
    return true;
  }
}
