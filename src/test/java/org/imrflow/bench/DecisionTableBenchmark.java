package org.imrflow.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.imrflow.process.ParsedOnceFeelEngine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A decision table evaluated for an input it has not seen (session 9): the guideline topics table
 * (122 rows, the largest) for disputed items with descriptions that differ every time, as new cases
 * bring them, so no cache answers. Camunda's DMN engine with its own FEEL engine against the same with
 * {@link ParsedOnceFeelEngine}, which the application uses; one thread, warmed up, alternated rounds;
 * the medians of the rounds' milliseconds per evaluation.
 */
@Order(5)
class DecisionTableBenchmark {

  private static final String[][] ITEMS = {
      {"PHYSICAL_THERAPY", "physical therapy 2x4 weeks for the lumbar spine", "|LOW_BACK|"},
      {"IMAGING", "mri of the cervical spine without contrast", "|NECK|"},
      {"MEDICATION", "norco 10/325 mg #90", "|LOW_BACK|"},
      {"MEDICATION", "lidoderm 5% patch #30", "|SHOULDER|"},
      {"OTHER", "emg/ncv of the bilateral upper extremities", "|NECK|WRIST_HAND|"},
      {"INJECTION", "lumbar epidural steroid injection at l4-5", "|LOW_BACK|"},
      {"ACUPUNCTURE", "acupuncture 6 visits", "|NECK|"},
      {"DME", "tens unit purchase", "|LOW_BACK|"},
      {"POSTSURGICAL_THERAPY", "postoperative physical therapy 12 visits", "|KNEE|"},
      {"CHIROPRACTIC", "chiropractic manipulation 8 sessions", "|UPPER_BACK|"},
  };

  @Test
  void guidelineTopicsForNewDescriptions() throws Exception {
    DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration parsedOnceConfiguration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    parsedOnceConfiguration.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(List.of()));
    DmnEngine parsedOnce = parsedOnceConfiguration.buildEngine();
    DmnDecision camundaTable = topics(camunda);
    DmnDecision parsedOnceTable = topics(parsedOnce);

    int perRound = BenchResults.QUICK ? 200 : 1000;
    int rounds = BenchResults.QUICK ? 2 : 5;
    int next = 0;
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      next = run(camunda, camundaTable, perRound, next).next();
      next = run(parsedOnce, parsedOnceTable, perRound, next).next();
    }
    List<Double> camundaMillis = new ArrayList<>();
    List<Double> parsedOnceMillis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Round c = run(camunda, camundaTable, perRound, next);
      Round p = run(parsedOnce, parsedOnceTable, perRound, c.next());
      next = p.next();
      camundaMillis.add(c.millisEach());
      parsedOnceMillis.add(p.millisEach());
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("guidelineTopicsEvaluationMillis", BenchResults.round(BenchResults.median(parsedOnceMillis)));
    figures.put("guidelineTopicsEvaluationMillisCamundaFeel", BenchResults.round(BenchResults.median(camundaMillis)));
    figures.put("guidelineTopicsEvaluationMillisAll", parsedOnceMillis);
    figures.put("guidelineTopicsEvaluationMillisCamundaFeelAll", camundaMillis);
    System.out.println("[DecisionTableBenchmark] " + figures);
    BenchResults.put(figures);
  }

  private record Round(double millisEach, int next) {
  }

  private static Round run(DmnEngine engine, DmnDecision table, int evaluations, int first) {
    long start = System.nanoTime();
    for (int i = first; i < first + evaluations; i++) {
      String[] item = ITEMS[i % ITEMS.length];
      VariableMap inputs = Variables.createVariables()
          .putValue("category", item[0])
          // A description never seen before, as each new case brings: the words of one item and a number.
          .putValue("text", " " + item[1] + " (request " + i + ")")
          .putValue("regions", item[2]);
      if (engine.evaluateDecisionTable(table, inputs).getFirstResult() == null) {
        throw new IllegalStateException("no topic for " + item[1]);
      }
    }
    return new Round((System.nanoTime() - start) / 1e6 / evaluations, first + evaluations);
  }

  private static DmnDecision topics(DmnEngine engine) throws Exception {
    try (InputStream dmn = DecisionTableBenchmark.class.getResourceAsStream("/processes/mtus-guideline-topics.dmn")) {
      return engine.parseDecision("mtus-item-topics", dmn);
    }
  }
}
