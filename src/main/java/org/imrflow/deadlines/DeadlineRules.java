package org.imrflow.deadlines;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Asks the decision table {@code review-deadline} (processes/review-deadlines.dmn) how many days
 * the law allows: the numbers and their sources live there, not in Java.
 */
@Component
public class DeadlineRules {

  public static final String DECISION = "review-deadline";

  private final DecisionService decisions;

  public DeadlineRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  public record Limit(int days, String source) {
  }

  public Limit limit(DeadlineKind kind, boolean expedited, NoticeDelivery noticeDelivery, boolean servedByMail) {
    DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(DECISION, Map.of(
            "deadline", kind.name(),
            "expedited", expedited,
            "noticeDelivery", noticeDelivery.name(),
            "servedByMail", servedByMail))
        .getSingleResult();
    if (row == null) {
      throw new IllegalStateException("review-deadline has no rule for " + kind + (expedited ? " (expedited)" : ""));
    }
    Number days = row.getEntry("days");
    return new Limit(days.intValue(), row.getEntry("source"));
  }

  public enum NoticeDelivery { MAIL, ELECTRONIC }
}
