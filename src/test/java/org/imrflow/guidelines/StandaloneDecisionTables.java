package org.imrflow.guidelines;

import org.imrflow.process.DecisionTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The MTUS tables evaluated by a standalone DMN engine from the classpath copies of processes/*.dmn:
 * the same files the application deploys, without a Spring context or a database.
 */
final class StandaloneDecisionTables implements DecisionTables {

  static final List<String> FILES = List.of("processes/mtus-therapy-limits.dmn", "processes/mtus-postsurgical.dmn",
      "processes/mtus-guideline-topics.dmn");

  private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final Map<String, DmnDecision> DECISIONS = parse();

  private StandaloneDecisionTables() {
  }

  static DecisionTables instance() {
    return new StandaloneDecisionTables();
  }

  static MtusTables tables() {
    return new MtusTables(instance());
  }

  static GuidelineChecks checks() {
    return new GuidelineChecks(tables(), topics());
  }

  static GuidelineTopics topics() {
    return new GuidelineTopics(instance());
  }

  @Override
  public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    DmnDecision decision = DECISIONS.get(decisionKey);
    if (decision == null) {
      throw new IllegalArgumentException("no decision " + decisionKey + " in " + FILES);
    }
    return ENGINE.evaluateDecisionTable(decision, inputs).getResultList();
  }

  static Map<String, DmnDecision> decisions() {
    return DECISIONS;
  }

  private static Map<String, DmnDecision> parse() {
    Map<String, DmnDecision> decisions = new HashMap<>();
    for (String file : FILES) {
      try (InputStream in = StandaloneDecisionTables.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException(file + " is not on the classpath");
        }
        ENGINE.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return decisions;
  }
}
