package org.imrflow.reviewers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * When {@code assign-reviewer} opens: the eligible reviewers as the form's dropdown options
 * (a Json variable, as form-js wants), and a line on how many were screened out and why.
 */
@Component("reviewerOptions")
class ReviewerOptions implements TaskListener {

  private final Cases cases;
  private final ReviewerCandidates candidates;
  private final CaseJson json;

  ReviewerOptions(Cases cases, ReviewerCandidates candidates, CaseJson json) {
    this.cases = cases;
    this.candidates = candidates;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    List<Candidate> all = candidates.forCase(c);
    List<Map<String, String>> options = all.stream().filter(Candidate::eligible)
        .map(candidate -> Map.of("label", candidate.label(), "value", candidate.userId()))
        .toList();
    CaseProcess.REVIEWER_OPTIONS.setLocalJson(task, json.write(options));
    CaseProcess.SCREENING_SUMMARY.setLocal(task, summary(all));
  }

  /** CONFLICT_CLAIMS_ADMINISTRATOR reads "conflict claims administrator". */
  static String words(String code) {
    return code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
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
