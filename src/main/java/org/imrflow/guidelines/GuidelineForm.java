package org.imrflow.guidelines;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the {@code decide-item} form shows of an item and its check: plain variables that form-js
 * renders as text, and a rationale draft built from the findings that the reviewer can copy and edit.
 */
@Component
public class GuidelineForm {

  public void show(VariableScope scope, DisputedItem item, GuidelineCheck check) {
    scope.setVariableLocal("itemDescription", item.description());
    scope.setVariableLocal("itemFacts", facts(item));
    scope.setVariableLocal("guidelineVerdict", check.verdict().name());
    scope.setVariableLocal("suggestedDetermination",
        check.suggestedDetermination() == null ? "none: clinical judgement" : check.suggestedDetermination().name());
    scope.setVariableLocal("guidelineFindings", findings(check));
    scope.setVariableLocal("suggestedGuideline", suggestedGuideline(check));
    scope.setVariableLocal("rationaleDraft", draft(check));
  }

  static String facts(DisputedItem item) {
    StringBuilder facts = new StringBuilder(item.category().name().replace('_', ' ').toLowerCase());
    if (!item.bodyRegionsOrEmpty().isEmpty()) {
      facts.append(" · ").append(item.bodyRegionsOrEmpty().stream().map(r -> r.name().replace('_', ' ').toLowerCase())
          .collect(Collectors.joining(", ")));
    }
    if (item.condition() != null) {
      facts.append(" · condition ").append(item.condition().name().replace('_', ' ').toLowerCase());
    }
    facts.append(" · requested ").append(orUnknown(item.requestedVisits()))
        .append(" · completed ").append(orUnknown(item.completedVisits()));
    if (item.surgery() != null) {
      facts.append(" · surgery ").append(item.surgery().procedure().name().replace('_', ' ').toLowerCase())
          .append(item.surgery().date() == null ? " (date not stated)" : " on " + item.surgery().date());
    }
    facts.append(" · functional improvement documented: ").append(item.functionalImprovementDocumented() == null
        ? "not stated" : item.functionalImprovementDocumented() ? "yes" : "no");
    return facts.toString();
  }

  private static String orUnknown(Integer n) {
    return n == null ? "not stated" : n.toString();
  }

  static String findings(GuidelineCheck check) {
    return check.findings().stream()
        .map(f -> "- " + (f.guideline() == null ? "" : f.guideline() + (f.section() == null ? "" : ", " + f.section())
            + (f.pages() == null ? "" : ", pp. " + f.pages()) + ": ") + f.explanation())
        .collect(Collectors.joining("\n"));
  }

  static String suggestedGuideline(GuidelineCheck check) {
    return check.findings().stream().filter(f -> f.guideline() != null).findFirst()
        .map(f -> "Decision based on " + f.guideline() + (f.section() == null ? "" : "; " + f.section())
            + (f.pages() == null ? "" : " Page(s): " + f.pages()) + ".")
        .orElse("");
  }

  static String draft(GuidelineCheck check) {
    String explanations = check.findings().stream().map(Finding::explanation).collect(Collectors.joining(" "));
    if (check.suggestedDetermination() == null) {
      return explanations;
    }
    return explanations + (check.suggestedDetermination().name().equals("UPHELD")
        ? " Therefore the request is not medically necessary."
        : " Therefore the request is medically necessary.");
  }
}
