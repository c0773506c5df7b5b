package org.imrflow.guidelines;

import java.util.List;
import org.imrflow.cases.Determination;

/** The answer of a guideline check: decision support, the reviewer decides (API.md §7). */
public record GuidelineCheck(Verdict verdict, Determination suggestedDetermination, List<Finding> findings) {

  public static GuidelineCheck of(Verdict verdict, List<Finding> findings) {
    return new GuidelineCheck(verdict, verdict.suggests(), List.copyOf(findings));
  }

  public static GuidelineCheck of(Verdict verdict, Finding finding) {
    return of(verdict, List.of(finding));
  }
}
