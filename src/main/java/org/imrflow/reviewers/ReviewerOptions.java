package org.imrflow.reviewers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroup;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskView;
import org.springframework.stereotype.Component;

/**
 * What {@code assign-reviewer}'s form offers when it loads: the eligible reviewers as the dropdown's
 * options (Json, as form-js wants), screened against the panel as it is then, and a line on how many
 * were screened out and why.
 */
@Component
class ReviewerOptions implements TaskView {

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final CaseJson json;
  private final ReviewGroups groups;

  ReviewerOptions(Cases cases, ReviewerCandidates candidates, CaseJson json, ReviewGroups groups) {
    this.groups = groups;
    this.cases = cases;
    this.candidates = candidates;
    this.json = json;
  }

  @Override
  public Set<String> tasks() {
    return Set.of(CaseProcess.Element.ASSIGN_REVIEWER.id);
  }

  @Override
  public void show(DelegateTask task, VariableMap form) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    ReviewGroup group = groups.of(c.getCaseNumber(), task);
    List<Integer> items = groups.items(group);
    List<Candidate> all = candidates.forItems(c, items);
    List<Map<String, String>> options = all.stream().filter(Candidate::eligible)
        .map(candidate -> Map.of("label", candidate.label(), "value", candidate.userId()))
        .toList();
    CaseProcess.REVIEWER_OPTIONS.putJsonIn(form, json.write(options));
    int reviewers = groups.of(c.getCaseNumber()).size();
    CaseProcess.SCREENING_SUMMARY.putIn(form, (reviewers > 1 ? groupLine(group, items, reviewers) : "") + summary(all));
  }

  /** Why this task is for some items only: the coordinator assigns one reviewer per group. */
  private static String groupLine(ReviewGroup group, List<Integer> items, int reviewers) {
    return "No single eligible reviewer may decide every item of this case: it needs " + reviewers
        + " reviewers. This task assigns reviewer " + (group.getGroupIndex() + 1) + " of " + reviewers + ", for item"
        + (items.size() > 1 ? "s " : " ") + String.join(", ", items.stream().map(i -> String.valueOf(i + 1)).toList())
        + ". ";
  }

  /** CONFLICT_CLAIMS_ADMINISTRATOR reads "conflict claims administrator". */
  static String words(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String summary(List<Candidate> all) {
    long eligible = all.stream().filter(Candidate::eligible).count();
    Map<String, Integer> reasons = new LinkedHashMap<>();
    all.stream().filter(c -> !c.eligible()).flatMap(c -> c.reasons().stream())
        .forEach(r -> reasons.merge(r, 1, Integer::sum));
    StringBuilder text = new StringBuilder(eligible + " of " + all.size() + " active panel reviewers are eligible.");
    if (!reasons.isEmpty()) {
      text.append(" Screened out: ");
      reasons.forEach((reason, n) -> text.append(words(reason)).append(" (").append(n).append("), "));
      text.setLength(text.length() - 2);
      text.append('.');
    }
    if (eligible == 0) {
      text.append(" Nobody can be assigned: add or update panel reviewers, then reopen this task.");
    }
    return text.toString();
  }
}
