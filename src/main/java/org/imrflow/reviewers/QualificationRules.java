package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Whether a reviewer may review a case, and every reason not (API.md §6 reason codes). */
final class QualificationRules {

  private QualificationRules() {
  }

  /**
   * @param acceptedSpecialties per disputed item, the normalised specialties that may review it
   *     (an empty set accepts any specialty)
   */
  static List<String> reasons(PanelReviewer r, QualificationPolicy policy, LocalDate today,
      List<Set<String>> acceptedSpecialties, List<CaseParty> parties) {
    List<String> reasons = new ArrayList<>();
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
    if (r.profile().boardCertifications().isEmpty()) {
      reasons.add("NO_BOARD_CERTIFICATION");
    }
    if (!matchesEveryItem(r.specialties(), acceptedSpecialties)) {
      reasons.add("SPECIALTY_MISMATCH");
    }
    Integer years = r.profile().yearsInPractice();
    if (years == null || years <= policy.minYearsInPractice()) {
      reasons.add("INSUFFICIENT_EXPERIENCE");
    }
    Integer hours = r.profile().activePracticeHoursPerWeek();
    if (hours == null || hours < policy.minPracticeHoursPerWeek()) {
      reasons.add("INSUFFICIENT_PRACTICE_HOURS");
    }
    reasons.addAll(ConflictScreening.conflicts(r.affiliations(), parties));
    return reasons;
  }

  private static boolean matchesEveryItem(Set<String> specialties, List<Set<String>> accepted) {
    return accepted.stream().allMatch(item -> item.isEmpty() || intersects(specialties, item));
  }

  private static boolean intersects(Set<String> a, Collection<String> b) {
    for (String s : b) {
      if (a.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
