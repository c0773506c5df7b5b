package org.imrflow.guidelines;

import org.imrflow.cases.Determination;

/** What a guideline check concludes, and the determination it suggests (API.md §7). */
public enum Verdict {
  WITHIN_GUIDELINE(Determination.OVERTURNED),
  EXCEEDS_GUIDELINE(Determination.UPHELD),
  NOT_RECOMMENDED(Determination.UPHELD),
  /** No mechanical rule applies, or a deciding fact is missing: the reviewer judges. */
  NEEDS_CLINICAL_JUDGEMENT(null);

  private final Determination suggests;

  Verdict(Determination suggests) {
    this.suggests = suggests;
  }

  public Determination suggests() {
    return suggests;
  }
}
