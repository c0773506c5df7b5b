package org.imrflow.guidelines;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Determination;

/** The answer of a guideline check: decision support, the reviewer decides (API.md §7). */
public record GuidelineCheck(
    Verdict verdict,
    Determination suggestedDetermination,
    List<Finding> findings,
    @Schema(description = "The guideline to cite, as the real letters write it (\"Decision based on MTUS Low Back"
        + " Complaints 2004, Section(s): Special Studies.\"); null only when the MTUS in force is not encoded")
    String citation,
    @Schema(description = "Names of the facts (as in the request's facts) whose absence kept the check from a"
        + " suggestion; empty when it suggests")
    List<String> missingFacts) {

  public GuidelineCheck {
    findings = findings == null ? List.of() : List.copyOf(findings);
    missingFacts = missingFacts == null ? List.of() : List.copyOf(missingFacts);
  }

  public static GuidelineCheck of(Verdict verdict, List<Finding> findings) {
    return new GuidelineCheck(verdict, verdict.suggests(), findings, null, List.of());
  }

  public static GuidelineCheck of(Verdict verdict, Finding finding) {
    return of(verdict, List.of(finding));
  }

  /** The check stored on a case's item, or null before the item was checked. */
  public static GuidelineCheck storedOn(CaseItem item, CaseJson json) {
    return item.getGuidelineCheck() == null ? null : json.read(item.getGuidelineCheck(), GuidelineCheck.class);
  }

  GuidelineCheck citing(String citation) {
    return new GuidelineCheck(verdict, suggestedDetermination, findings, citation, missingFacts);
  }
}
