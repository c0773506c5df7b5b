package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.guidelines.MtusTables.StatutoryCap;

/**
 * The statutory cap of LC 4604.5 on physical therapy, occupational therapy and chiropractic visits
 * per industrial injury. It speaks only when the visits go over it; postsurgical physical medicine
 * under the postsurgical schedule is exempt, so the caller does not ask for it there.
 */
final class StatutoryCapCheck {

  static final String RULE = "LC-4604.5-VISIT-CAP";

  private final MtusTables tables;

  StatutoryCapCheck(MtusTables tables) {
    this.tables = tables;
  }

  /**
   * Adds the cap's finding where it speaks. It is not asked when the guideline already found the
   * request unsupported: it would only repeat the conclusion, and every question is a decision
   * evaluation (with its history) for every item of every case.
   */
  void addTo(List<Assessment> assessments, DisputedItem item, Category discipline, LocalDate dateOfInjury,
      LocalDate asOf) {
    if (assessments.stream().noneMatch(a -> a.verdict() == Verdict.NOT_RECOMMENDED
        || a.verdict() == Verdict.EXCEEDS_GUIDELINE)) {
      check(item, discipline, dateOfInjury, asOf).ifPresent(assessments::add);
    }
  }

  Optional<Assessment> check(DisputedItem item, Category discipline, LocalDate dateOfInjury, LocalDate asOf) {
    Integer requested = item.requestedVisits();
    if (requested == null) {
      return Optional.empty();
    }
    // Without a date of injury the latest it can be is the date of the request: no cap then, none at all.
    Optional<StatutoryCap> found = tables.statutoryCap(discipline, dateOfInjury != null ? dateOfInjury : asOf);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StatutoryCap cap = found.get();
    Integer completed = item.completedVisits();
    Integer total = completed == null ? null : requested + completed;
    if (total == null ? requested <= cap.maxVisits() : total <= cap.maxVisits()) {
      return Optional.empty();
    }
    String visits = total == null
        ? requested + " " + cap.disciplineLabel() + " visits requested, before counting any already given,"
        : requested + " requested + " + completed + " completed = " + total + " " + cap.disciplineLabel() + " visits,";
    String limit = " more than the " + cap.maxVisits() + " " + cap.disciplineLabel()
        + " visits per industrial injury that the Labor Code allows for " + cap.appliesTo()
        + ", unless the employer authorizes more in writing";
    if (dateOfInjury == null) {
      return Optional.of(Assessment.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, RULE, cap.citation(), cap.maxVisits(), total,
          visits + " would be" + limit + "; whether the cap applies depends on the date of injury, which is not stated."
              + " Missing: the date of injury."));
    }
    return Optional.of(Assessment.of(Verdict.EXCEEDS_GUIDELINE, RULE, cap.citation(), cap.maxVisits(), total,
        visits + (total == null ? " are" : "") + limit + "."));
  }
}
