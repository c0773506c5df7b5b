package org.imrflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.springframework.stereotype.Component;

/** Completing {@code write-case-summary}: the clinical case summary is required and kept with the case. */
@Component("caseSummaryGuard")
class CaseSummaryGuard implements TaskListener {

  static final int MAX_SUMMARY = 20_000;

  private final Cases cases;
  private final ReviewGroups groups;

  CaseSummaryGuard(Cases cases, ReviewGroups groups) {
    this.groups = groups;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    String summary = input.text(CaseProcess.CASE_SUMMARY, MAX_SUMMARY);
    input.check();
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    // Each reviewer of a two-reviewer case writes their own, for their items.
    groups.summarize(c, groups.of(c.getCaseNumber(), task), summary);
    input.forget(CaseProcess.CASE_SUMMARY);
  }
}
