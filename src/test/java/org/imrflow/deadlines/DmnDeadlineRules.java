package org.imrflow.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The real decision table processes/review-deadlines.dmn, evaluated by a standalone DMN engine so
 * that deadline arithmetic is tested against the numbers the application uses, without starting
 * the process engine.
 */
class DmnDeadlineRules extends DeadlineRules {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision TABLE = parse();

  DmnDeadlineRules() {
    super(null);
  }

  @Override
  public Limit limit(DeadlineKind kind, boolean expedited, NoticeDelivery noticeDelivery, boolean servedByMail,
      boolean formulary, Integer receivedYear) {
    DmnDecisionRuleResult row = DMN.evaluateDecisionTable(TABLE, Variables.createVariables()
            .putValue("deadline", kind.name())
            .putValue("expedited", expedited)
            .putValue("noticeDelivery", noticeDelivery.name())
            .putValue("servedByMail", servedByMail)
            .putValue("formulary", formulary)
            .putValue("receivedYear", receivedYear))
        .getSingleResult();
    Number days = row.getEntry("days");
    String unit = row.getEntry("unit");
    return new Limit(days.intValue(), row.getEntry("source"), unit == null ? Unit.CALENDAR_DAYS : Unit.valueOf(unit));
  }

  private static DmnDecision parse() {
    try (InputStream in = DmnDeadlineRules.class.getResourceAsStream("/processes/review-deadlines.dmn")) {
      return DMN.parseDecision(DECISION, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
