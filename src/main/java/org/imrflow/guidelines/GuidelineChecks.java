package org.imrflow.guidelines;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.guidelines.DisputedItem.Category;
import org.imrflow.guidelines.DisputedItem.Condition;
import org.springframework.stereotype.Service;

/**
 * The MTUS checks of DOMAIN.md §4 for one disputed item: decision support for the reviewer.
 * First cut: physical medicine for myalgia/myositis and neuralgia/neuritis/radiculitis.
 */
@Service
public class GuidelineChecks {

  public GuidelineCheck check(DisputedItem item, LocalDate dateOfInjury, LocalDate asOf) {
    if (item.category() != Category.PHYSICAL_THERAPY || item.condition() == null) {
      return GuidelineCheck.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, new Finding("NO-MECHANICAL-RULE", null, null, null,
          null, null, "No mechanical MTUS rule applies to this item: the reviewer judges it on the records."));
    }
    int limit = item.condition() == Condition.MYALGIA_MYOSITIS ? 10 : 10;
    int requested = item.requestedVisits() == null ? 0 : item.requestedVisits();
    int completed = item.completedVisits() == null ? 0 : item.completedVisits();
    int total = requested + completed;
    Verdict verdict = total > limit ? Verdict.EXCEEDS_GUIDELINE : Verdict.WITHIN_GUIDELINE;
    return GuidelineCheck.of(verdict, List.of(new Finding("MTUS-CPMTG-PHYSICAL-MEDICINE",
        "MTUS Chronic Pain Medical Treatment Guidelines", "Physical Medicine", "98-99", limit, total,
        requested + " requested + " + completed + " completed = " + total
            + " visits; the guideline recommends 9-10 visits over 8 weeks for myalgia and myositis.")));
  }
}
