package org.imrflow.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** The California calendar on the real processes/california-holidays.dmn, without the process engine. */
final class DmnCalendar {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision TABLE = parse();

  static final CaliforniaCalendar CALENDAR = new CaliforniaCalendar(DmnCalendar::rows);

  private DmnCalendar() {
  }

  static List<Map<String, Object>> rows(int year) {
    return DMN.evaluateDecisionTable(TABLE, Variables.createVariables().putValue("year", year)).getResultList();
  }

  private static DmnDecision parse() {
    try (InputStream in = DmnCalendar.class.getResourceAsStream("/processes/california-holidays.dmn")) {
      return DMN.parseDecision(CaliforniaCalendar.DECISION, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
