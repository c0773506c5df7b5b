package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/reviewer-specialties.dmn with its own cases, on the standalone DMN engine. */
class SpecialtyTableTest {

  static DmnDecision decision;
  static DmnEngine engine;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = SpecialtyTableTest.class.getResourceAsStream("/processes/reviewer-specialties.dmn")) {
      decision = engine.parseDecision(SpecialtyMatch.DECISION, in);
    }
  }

  @ParameterizedTest(name = "{0} {1}: {2} {3}")
  @CsvSource({
      "PHYSICAL_THERAPY,    LOW_BACK, Physical Medicine and Rehabilitation, true",
      "PHYSICAL_THERAPY,    LOW_BACK, Family Practice,                      true",
      "PHYSICAL_THERAPY,    LOW_BACK, Psychiatry,                           false",
      "CHIROPRACTIC,        LOW_BACK, Physical Medicine and Rehabilitation, true",
      "CHIROPRACTIC,        LOW_BACK, Family Practice,                      false",
      "ACUPUNCTURE,         NECK,     Acupuncture,                          true",
      "ACUPUNCTURE,         NECK,     Occupational Medicine,                true",
      "PSYCHOLOGICAL,       HEAD,     Psychiatry,                           true",
      "PSYCHOLOGICAL,       HEAD,     Orthopedic Surgery,                   false",
      "SURGERY,             LOW_BACK, Neurological Surgery,                 true",
      "SURGERY,             KNEE,     Neurological Surgery,                 false",
      "SURGERY,             KNEE,     Orthopedic Surgery,                   true",
      "IMAGING,             HEAD,     Neurology,                            true",
      "MEDICATION,          NECK,     Pain Management,                      true",
      "POSTSURGICAL_THERAPY, KNEE,    Orthopedic Surgery,                   true"})
  void specialtiesThatMayReview(String category, String region, String specialty, boolean accepted) {
    assertThat(accepted(category, region).contains(Names.normalize(specialty))).isEqualTo(accepted);
  }

  @ParameterizedTest
  @CsvSource({"PHYSICAL_THERAPY", "OCCUPATIONAL_THERAPY", "CHIROPRACTIC", "ACUPUNCTURE", "MASSAGE",
      "POSTSURGICAL_THERAPY", "MEDICATION", "IMAGING", "INJECTION", "SURGERY", "DME", "PSYCHOLOGICAL", "OTHER"})
  void everyCategoryHasReviewers(String category) {
    assertThat(accepted(category, null)).isNotEmpty();
  }

  private static Set<String> accepted(String category, String region) {
    Set<String> accepted = new TreeSet<>();
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", category);
    inputs.put("bodyRegion", region);
    inputs.put("description", "");
    engine.evaluateDecisionTable(decision, Variables.fromMap(inputs)).getResultList()
        .forEach(row -> List.of(((String) row.get("specialties")).split(","))
            .forEach(s -> accepted.add(Names.normalize(s))));
    return accepted;
  }
}
