package org.imrflow.intake;

import org.imrflow.cases.Application;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The screening of DOMAIN.md §1, steps 2-3. Plain rules over the application's facts; the
 * number of days comes in as {@code lastDayOnTime} from the deadline table.
 */
public final class EligibilityRules {

  private EligibilityRules() {
  }

  /**
   * @param lastDayOnTime the last day the application may be received (30 days of service, +5 by mail)
   * @param alreadyDecided the same treatment was already decided for this claim
   * @return every reason the application is ineligible; empty when eligible
   */
  public static List<IneligibilityReason> screen(Application application, LocalDate lastDayOnTime,
      boolean alreadyDecided) {
    List<IneligibilityReason> reasons = new ArrayList<>();
    if (!Boolean.TRUE.equals(application.signedByEmployee())) {
      reasons.add(IneligibilityReason.UNSIGNED);
    }
    if (application.applicant() != null && !application.applicant().mayApply()) {
      reasons.add(IneligibilityReason.NOT_FILED_BY_EMPLOYEE);
    }
    if (application.applicationReceivedOn().isAfter(lastDayOnTime)) {
      reasons.add(IneligibilityReason.LATE_APPLICATION);
    }
    // Only what the application states counts against it: an unstated fact is not a reason.
    if (Boolean.FALSE.equals(application.utilizationReview().reportAttached())) {
      reasons.add(IneligibilityReason.NO_UR_REPORT);
    }
    if (Boolean.TRUE.equals(application.utilizationReview().conditionallyNonCertified())) {
      reasons.add(IneligibilityReason.CONDITIONALLY_NON_CERTIFIED);
    }
    if (alreadyDecided) {
      reasons.add(IneligibilityReason.DUPLICATE);
    }
    return reasons;
  }
}
