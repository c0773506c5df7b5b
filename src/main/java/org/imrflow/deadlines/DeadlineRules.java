package org.imrflow.deadlines;

import java.util.List;
import java.util.Map;
import org.imrflow.process.CachedDecisions;
import org.springframework.stereotype.Component;

/**
 * Asks the decision table {@code review-deadline} (processes/review-deadlines.dmn) how many days
 * the law allows: the numbers and their sources live there, not in Java.
 */
@Component
public class DeadlineRules {

  public static final String DECISION = "review-deadline";

  private final CachedDecisions decisions;

  public DeadlineRules(CachedDecisions decisions) {
    this.decisions = decisions;
  }

  public record Limit(int days, String source) {
  }

  public Limit limit(DeadlineKind kind, boolean expedited, NoticeDelivery noticeDelivery, boolean servedByMail) {
    List<Map<String, Object>> rows = decisions.evaluate(DECISION, Map.of(
        "deadline", kind.name(),
        "expedited", expedited,
        "noticeDelivery", noticeDelivery.name(),
        "servedByMail", servedByMail));
    if (rows.size() != 1) {
      throw new IllegalStateException("review-deadline has " + rows.size() + " rules for " + kind
          + (expedited ? " (expedited)" : "") + ": it must have exactly one");
    }
    Number days = (Number) rows.get(0).get("days");
    return new Limit(days.intValue(), (String) rows.get(0).get("source"));
  }

  public enum NoticeDelivery { MAIL, ELECTRONIC }
}
