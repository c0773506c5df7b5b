package org.imrflow.guidelines;

import org.imrflow.process.CaseProcess;
import org.imrflow.cases.DisputedItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.process.TaskView;
import org.imrflow.cases.Determination;
import org.springframework.stereotype.Component;

/**
 * What the {@code decide-item} form shows of its item when it loads: the item's latest guideline check
 * as plain variables that form-js renders as text, a rationale draft built from the findings that the
 * reviewer can copy and edit, and the facts the form's text field starts from.
 */
@Component
public class GuidelineForm implements TaskView {

  private static final int MAX_TEXT = 4000;

  private final CaseItemRepository items;
  private final ItemGuidelines guidelines;
  private final CaseJson json;

  GuidelineForm(CaseItemRepository items, ItemGuidelines guidelines, CaseJson json) {
    this.items = items;
    this.guidelines = guidelines;
    this.json = json;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(CaseProcess.Element.DECIDE_ITEM.id);
  }

  @Override
  public void show(DelegateTask task, VariableMap form) {
    String caseNumber = CaseProcess.CASE_NUMBER.from(task);
    Integer index = CaseProcess.ITEM_INDEX.from(task);
    CaseItem item = index == null ? null : items.findByCaseNumberAndItemIndex(caseNumber, index).orElse(null);
    if (item == null) {
      return;
    }
    DisputedItem disputed = json.item(item);
    GuidelineCheck check = GuidelineCheck.storedOn(item, json);
    if (check == null) {
      // Not yet checked (check-guidelines runs before the task is created): nothing to show.
      return;
    }
    variables(disputed, check).forEach(form::putValue);
    CaseProcess.CLINICAL_FACTS.putIn(form, guidelines.factsTemplate(item, disputed));
  }

  /** The variables the form's text components name, in the order the form shows them. */
  static Map<String, Object> variables(DisputedItem item, GuidelineCheck check) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(CaseProcess.ITEM_DESCRIPTION.name(), item.description());
    variables.put(CaseProcess.ITEM_FACTS.name(), facts(item));
    variables.put(CaseProcess.GUIDELINE_VERDICT.name(), check.verdict().name() + " (" + label(check.verdict()) + ")");
    variables.put(CaseProcess.SUGGESTED_DETERMINATION.name(),
        check.suggestedDetermination() == null ? "none: clinical judgement" : check.suggestedDetermination().name());
    variables.put(CaseProcess.GUIDELINE_FINDINGS.name(), fit(findings(check)));
    variables.put(CaseProcess.MISSING_FACTS.name(), check.missingFacts().isEmpty() ? "none"
        : String.join(", ", check.missingFacts().stream().map(GuidelineForm::meaning).toList()));
    variables.put(CaseProcess.SUGGESTED_GUIDELINE.name(), fit(suggestedGuideline(check)));
    variables.put(CaseProcess.RATIONALE_DRAFT.name(), fit(draft(check)));
    return variables;
  }

  private static String label(Verdict verdict) {
    return switch (verdict) {
      case WITHIN_GUIDELINE -> "within the guideline";
      case EXCEEDS_GUIDELINE -> "exceeds the guideline";
      case NOT_RECOMMENDED -> "not recommended by the guideline";
      case NEEDS_CLINICAL_JUDGEMENT -> "no mechanical rule decides it";
    };
  }

  /** The engine keeps a string variable in a column of 4000 characters; real findings are far shorter. */
  private static String fit(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "\u2026";
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
    boolean therapy = switch (item.category()) {
      case PHYSICAL_THERAPY, OCCUPATIONAL_THERAPY, CHIROPRACTIC, ACUPUNCTURE, MASSAGE, POSTSURGICAL_THERAPY -> true;
      default -> false;
    };
    if (!therapy) {
      // Visits mean nothing for imaging, drugs or equipment: their facts are stated below the check.
      return facts.toString();
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

  private static String meaning(String name) {
    return Fact.named(name).map(f -> "**" + name + "** (" + f.meaning + ")").orElse("**" + name + "**");
  }

  private static String orUnknown(Integer n) {
    return n == null ? "not stated" : n.toString();
  }

  static String findings(GuidelineCheck check) {
    return check.findings().stream()
        .map(f -> "- " + (f.guideline() == null ? "" : "**" + citation(f) + "**: ") + f.explanation())
        .collect(Collectors.joining("\n"));
  }

  /** The check's citation, as the letters write it; before citations existed, the first finding's guideline. */
  static String suggestedGuideline(GuidelineCheck check) {
    if (check.citation() != null) {
      return check.citation();
    }
    if (check.findings().stream().anyMatch(f -> GuidelineChecks.NOT_ENCODED.equals(f.rule()))) {
      return "";
    }
    return check.findings().stream().filter(f -> f.guideline() != null).findFirst()
        .map(f -> "Decision based on " + f.guideline() + (f.section() == null ? "" : "; " + f.section())
            + (f.pages() == null ? "" : " Page(s): " + f.pages()) + ".")
        .orElse("");
  }

  /**
   * A rationale the reviewer can paste and edit: each finding with its citation, then the conclusion
   * the verdict suggests; where the check does not decide, the facts it found missing.
   */
  static String draft(GuidelineCheck check) {
    String findings = check.findings().stream()
        .map(f -> (f.guideline() == null ? "" : "Per the " + citation(f) + ": ") + f.explanation())
        .collect(Collectors.joining(" "));
    if (check.suggestedDetermination() == null) {
      return "The guideline check does not decide this request. " + findings
          + " The determination rests on the reviewer's reading of the records.";
    }
    return findings + (check.suggestedDetermination() == Determination.UPHELD
        ? " Therefore the request is not medically necessary."
        : " Therefore the request is medically necessary.");
  }

  private static String citation(Finding f) {
    return f.guideline() + (f.section() == null ? "" : ", " + f.section())
        + (f.pages() == null ? "" : ", " + (f.pages().matches("\\d+") ? "p. " : "pp. ") + f.pages());
  }
}
