package org.imrflow.quality;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.Cases;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * When {@code quality-review} opens: whether the automatic checks passed, and how many failed, kept
 * on the task for the audit line and the task list; what they say is shown when the form loads
 * ({@link QualityReviewView}).
 */
@Component("qualityCheckResults")
class QualityCheckResults implements TaskListener {

  private final Cases cases;
  private final QualityChecks checks;

  QualityCheckResults(Cases cases, QualityChecks checks) {
    this.cases = cases;
    this.checks = checks;
  }

  @Override
  public void notify(DelegateTask task) {
    List<QualityChecks.Check> results = checks.run(cases.get(CaseProcess.CASE_NUMBER.from(task)));
    CaseProcess.QA_CHECKS_PASSED.setLocal(task, results.stream().allMatch(QualityChecks.Check::passed));
    CaseProcess.QA_CHECKS_FAILED.setLocal(task, (int) results.stream().filter(r -> !r.passed()).count());
  }
}
