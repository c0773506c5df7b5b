package org.imrflow.guidelines;

import java.time.LocalDate;
import java.util.List;

/** Shared by the rule tests: the checks on the standalone tables, and dates on either side of the versions. */
final class GuidelineChecksTesting {

  static final GuidelineChecks CHECKS = StandaloneDecisionTables.checks();
  /** Inside the 2009 CPMTG's time (no clinical trial; CRPS 24). */
  static final LocalDate IN_2014 = LocalDate.of(2014, 7, 24);
  /** Inside the 2016 update's time (6-visit clinical trial; CRPS 26). */
  static final LocalDate IN_2016 = LocalDate.of(2016, 11, 30);
  static final LocalDate INJURED_2013 = LocalDate.of(2013, 12, 11);

  private GuidelineChecksTesting() {
  }

  static GuidelineCheck check(Items item, LocalDate asOf) {
    return CHECKS.check(item.build(), INJURED_2013, asOf);
  }

  static GuidelineCheck check(Items item, LocalDate dateOfInjury, LocalDate asOf) {
    return CHECKS.check(item.build(), dateOfInjury, asOf);
  }

  static List<String> rules(GuidelineCheck check) {
    return check.findings().stream().map(Finding::rule).toList();
  }
}
