package org.imrflow.deadlines;

import java.time.LocalDate;
import org.imrflow.deadlines.DeadlineRules.NoticeDelivery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deadline arithmetic: a date plus the days the law allows (DeadlineRules), and when the
 * remaining time falls under the at-risk share. Days are calendar days unless the table says
 * business days (DOMAIN.md §1: "business/working days"), which the California calendar counts.
 */
@Component
public class Deadlines {

  private final DeadlineRules rules;
  private final CaliforniaCalendar calendar;
  private final NoticeDelivery noticeDelivery;
  private final double atRiskFraction;

  @Autowired
  public Deadlines(DeadlineRules rules, CaliforniaCalendar calendar,
      @Value("${imrflow.notice-delivery:MAIL}") NoticeDelivery noticeDelivery,
      @Value("${imrflow.sla.at-risk-fraction:0.2}") double atRiskFraction) {
    this.rules = rules;
    this.calendar = calendar;
    this.noticeDelivery = noticeDelivery;
    this.atRiskFraction = atRiskFraction;
  }

  /** A deadline: due at the end of {@code due}, with {@code allowedDays} given from its start. */
  public record Deadline(LocalDate due, int allowedDays, LocalDate atRiskOn, String source) {
  }

  /** The last day on which an application for IMR is on time. */
  public LocalDate applicationDue(LocalDate urServedOn, boolean servedByMail) {
    return urServedOn.plusDays(applicationDays(servedByMail));
  }

  /** Days an application may take after the UR decision's service (the letters quote them). */
  public int applicationDays(boolean servedByMail) {
    return rules.limit(DeadlineKind.APPLICATION, false, noticeDelivery, servedByMail).days();
  }

  public Deadline recordsDue(LocalDate noticeDate, boolean expedited) {
    return deadline(noticeDate, rules.limit(DeadlineKind.RECORDS, expedited, noticeDelivery, false));
  }

  public Deadline determinationDue(LocalDate clockStart, boolean expedited) {
    return determinationDue(clockStart, expedited, false, null);
  }

  /**
   * @param formulary every disputed item is a drug on the MTUS drug formulary: 5 working days for
   *     an application received from 2018 on (DOMAIN.md §1.7); a mixed case keeps the regular limit
   * @param receivedOn the day the application was received (only read for a formulary dispute)
   */
  public Deadline determinationDue(LocalDate clockStart, boolean expedited, boolean formulary, LocalDate receivedOn) {
    return deadline(clockStart, rules.limit(DeadlineKind.DETERMINATION, expedited, noticeDelivery, false,
        formulary, formulary ? receivedOn.getYear() : null));
  }

  /** The notice of assignment is due 1 business day after the case was found eligible (8 CCR 9792.10.4). */
  public Deadline noticeOfAssignmentDue(LocalDate eligibleOn) {
    return deadline(eligibleOn, noticeOfAssignmentLimit());
  }

  private DeadlineRules.Limit noticeOfAssignmentLimit() {
    return rules.limit(DeadlineKind.NOTICE_OF_ASSIGNMENT, false, noticeDelivery, false);
  }

  /** The notice of assignment's limit as the audit states it: "1 business day after eligibility, 8 CCR 9792.10.4". */
  public String noticeOfAssignmentRule() {
    DeadlineRules.Limit limit = noticeOfAssignmentLimit();
    String unit = limit.unit() == DeadlineRules.Unit.BUSINESS_DAYS ? "business day" : "day";
    return limit.days() + " " + unit + (limit.days() == 1 ? "" : "s") + " after eligibility, " + limit.source();
  }

  /** An overturned item is to be authorized 5 working days after the letter's receipt (8 CCR 9792.10.7). */
  public Deadline authorizationDue(LocalDate letterReceivedOn) {
    return deadline(letterReceivedOn, rules.limit(DeadlineKind.AUTHORIZATION, false, noticeDelivery, false));
  }

  private Deadline deadline(LocalDate start, DeadlineRules.Limit limit) {
    LocalDate due = limit.unit() == DeadlineRules.Unit.BUSINESS_DAYS
        ? calendar.plusBusinessDays(start, limit.days())
        : start.plusDays(limit.days());
    return new Deadline(due, limit.days(), atRiskOn(due, limit.days()), limit.source());
  }

  /**
   * The first day on which less than the at-risk share of the allowed days is left: with 30
   * days and a fifth, 6 days left is on track and 5 is at risk.
   */
  public LocalDate atRiskOn(LocalDate due, int allowedDays) {
    // Rounded first, so that 30 x 0.1 is 3 days, not the 4 that floating point would make of it.
    long atRiskDays = (long) Math.ceil(Math.round(allowedDays * atRiskFraction * 1e6) / 1e6);
    return due.minusDays(Math.max(0, atRiskDays - 1));
  }
}
