package org.imrflow.deadlines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.process.CachedDecisions;
import org.springframework.stereotype.Component;

/**
 * Asks the decision table {@code review-deadline} (processes/review-deadlines.dmn) how many days
 * the law allows, and whether calendar or business days: the numbers and their sources live
 * there, not in Java.
 */
@Component
public class DeadlineRules {

  public static final String DECISION = "review-deadline";

  private final CachedDecisions decisions;

  public DeadlineRules(CachedDecisions decisions) {
    this.decisions = decisions;
  }

  /** How many days, in which unit, by which source. */
  public record Limit(int days, String source, Unit unit) {

    public Limit(int days, String source) {
      this(days, source, Unit.CALENDAR_DAYS);
    }
  }

  /** Calendar days, or business (working) days of the California calendar (CaliforniaCalendar). */
  public enum Unit { CALENDAR_DAYS, BUSINESS_DAYS }

  public Limit limit(DeadlineKind kind, boolean expedited, NoticeDelivery noticeDelivery, boolean servedByMail) {
    return limit(kind, expedited, noticeDelivery, servedByMail, false, null);
  }

  /**
   * @param formulary every disputed item is a drug on the MTUS drug formulary
   * @param receivedYear the year the application was received: the table applies the formulary's
   *     limit from 2018 (null when not a formulary dispute, so the cache keeps one entry per limit)
   */
  public Limit limit(DeadlineKind kind, boolean expedited, NoticeDelivery noticeDelivery, boolean servedByMail,
      boolean formulary, Integer receivedYear) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("deadline", kind.name());
    inputs.put("expedited", expedited);
    inputs.put("noticeDelivery", noticeDelivery.name());
    inputs.put("servedByMail", servedByMail);
    inputs.put("formulary", formulary);
    inputs.put("receivedYear", receivedYear);
    List<Map<String, Object>> rows = decisions.evaluate(DECISION, inputs);
    if (rows.size() != 1) {
      throw new IllegalStateException("review-deadline has " + rows.size() + " rules for " + kind
          + (expedited ? " (expedited)" : "") + ": it must have exactly one");
    }
    Number days = (Number) rows.get(0).get("days");
    Object unit = rows.get(0).get("unit");
    return new Limit(days.intValue(), (String) rows.get(0).get("source"),
        unit == null ? Unit.CALENDAR_DAYS : Unit.valueOf((String) unit));
  }

  public enum NoticeDelivery { MAIL, ELECTRONIC }
}
