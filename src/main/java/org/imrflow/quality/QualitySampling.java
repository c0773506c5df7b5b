package org.imrflow.quality;

import java.security.SecureRandom;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.cases.Cases;
import org.imrflow.cases.Determination;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code pick-for-quality-review}: before the sampling table runs, the facts it decides on (an
 * overturn, expedited, the reviewer's determinations so far, a random draw); after, its answer as
 * {@code qualityReview}; CaseLifecycle audits the reason. The table holds every number.
 */
@Component("qualitySampling")
class QualitySampling implements ExecutionListener {

  /** Draws are percentiles, 0 to 99: the table compares them with its share. */
  private static final int DRAWS = 100;

  private final Cases cases;
  private final CaseItemRepository items;
  private final ReviewerTrackRecords trackRecords;
  private final ReviewGroups groups;
  private final SecureRandom random = new SecureRandom();
  private final int fixedDraw;

  QualitySampling(Cases cases, CaseItemRepository items, ReviewerTrackRecords trackRecords, ReviewGroups groups,
      @Value("${imrflow.quality.fixed-sample-draw:-1}") int fixedDraw) {
    this.groups = groups;
    this.cases = cases;
    this.items = items;
    this.trackRecords = trackRecords;
    this.fixedDraw = fixedDraw;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
      // The table's inputs, its answer and the gateway's are read in this command only: never stored.
      CaseProcess.ANY_OVERTURNED.setTransient(execution, items.findByCaseNumberOrderByItemIndex(c.getCaseNumber())
          .stream().anyMatch(i -> i.getDetermination() == Determination.OVERTURNED));
      CaseProcess.EXPEDITED.setTransient(execution, c.isExpedited());
      // With two reviewers, the newer one's track record counts: either's first cases are checked.
      CaseProcess.REVIEWER_CASES_BEFORE.setTransient(execution, groups.reviewers(c.getCaseNumber()).stream()
          .mapToInt(r -> trackRecords.before(r, c.getCaseNumber())).min().orElse(0));
      CaseProcess.SAMPLE_DRAW.setTransient(execution, draw(execution));
      return;
    }
    // The engine's own transient result of the business rule task (no resultVariable: it would be stored).
    DmnDecisionResult result =
        (DmnDecisionResult) execution.getVariableLocal(DecisionEvaluationUtil.DECISION_RESULT_VARIABLE);
    Map<String, Object> answer = result.getSingleResult().getEntryMap();
    CaseProcess.QA_SAMPLING.setTransient(execution, answer);
    CaseProcess.QUALITY_REVIEW.setTransient(execution, Boolean.TRUE.equals(answer.get(CaseProcess.QUALITY_REVIEW.name())));
  }

  /**
   * One draw per case, kept in the process: a case returned and decided again is not drawn anew.
   * {@code imrflow.quality.fixed-sample-draw} (0-99) replaces chance where a run must be repeatable (tests).
   */
  private int draw(DelegateExecution execution) {
    Integer drawn = CaseProcess.QA_SAMPLE_DRAW.from(execution);
    if (drawn == null) {
      drawn = fixedDraw >= 0 ? fixedDraw : random.nextInt(DRAWS);
      CaseProcess.QA_SAMPLE_DRAW.set(execution.getProcessInstance(), drawn);
    }
    return drawn;
  }
}
