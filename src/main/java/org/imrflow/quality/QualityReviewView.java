package org.imrflow.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.imrflow.process.TaskView;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.letters.LetterType;
import org.imrflow.letters.Letters;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * What {@code quality-review}'s form shows when it loads: the draft letter, the automatic checks'
 * results, and the items that may be returned. The letter is Json because it is longer than a String
 * variable may be. Only whether the checks passed is kept on the task ({@link QualityCheckResults}).
 */
@Component
class QualityReviewView implements TaskView {

  private final Cases cases;
  private final CaseItemRepository items;
  private final Letters letters;
  private final QualityChecks checks;
  private final CaseJson json;

  QualityReviewView(Cases cases, CaseItemRepository items, Letters letters, QualityChecks checks,
      CaseJson json) {
    this.json = json;
    this.cases = cases;
    this.items = items;
    this.letters = letters;
    this.checks = checks;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(CaseProcess.Element.QUALITY_REVIEW.id);
  }

  @Override
  public void show(DelegateTask task, VariableMap form) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    List<QualityChecks.Check> results = checks.run(c);
    String text = letters.draftText(c, LetterType.FINAL_DETERMINATION);
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("text", text);
    draft.put("pdf", "/api/cases/" + c.getCaseNumber() + "/letter/draft");
    CaseProcess.DRAFT_LETTER.putJsonIn(form, json.write(draft));
    CaseProcess.QA_CHECKS.putIn(form, markdown(results));
    List<Map<String, Object>> options = new ArrayList<>();
    items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream().filter(i -> !i.isAuthorized())
        .forEach(i -> options.add(Map.of(
        "label", (i.getItemIndex() + 1) + ". " + (i.getDetermination() == null ? "" : i.getDetermination().label() + ": ")
            + i.getDescription(),
        "value", String.valueOf(i.getItemIndex()))));
    CaseProcess.QA_ITEM_OPTIONS.putJsonIn(form, json.write(options));
  }

  static String markdown(List<QualityChecks.Check> results) {
    StringBuilder md = new StringBuilder();
    for (QualityChecks.Check check : results) {
      md.append("- ").append(check.passed() ? "**Passed**" : "**Check this**").append(": ").append(check.name())
          .append(" (").append(check.detail()).append(")\n");
    }
    return md.toString();
  }
}
