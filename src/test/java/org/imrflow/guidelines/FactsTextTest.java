package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts as a reviewer types them in the decide-item form. */
class FactsTextTest {

  @Test
  void readsYesNoNumbersListsAndNone() {
    FactsText.Parsed parsed = FactsText.parse("redFlags: none\nobjectiveNeuroDeficit: yes\nconservativeCareWeeks: 6\n"
        + "comorbidities: diabetes, hypertension\nsurgeryRisk: low\npainReliefPercent: 30.5\n\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.facts()).containsEntry("redFlags", List.of()).containsEntry("objectiveNeuroDeficit", true)
        .containsEntry("conservativeCareWeeks", 6).containsEntry("comorbidities", List.of("diabetes", "hypertension"))
        .containsEntry("surgeryRisk", "LOW").containsEntry("painReliefPercent", 30.5);
  }

  @Test
  void anEmptyValueIsNotDocumented() {
    FactsText.Parsed parsed = FactsText.parse("redFlags:\nobjectiveNeuroDeficit: not documented\nage: ?");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.facts()).isEmpty();
  }

  @Test
  void badLinesAreNamedByNumber() {
    FactsText.Parsed parsed = FactsText.parse("colour: blue\npainReliefPercent: 101\nobjectiveNeuroDeficit: perhaps\n"
        + "conservativeCareWeeks: -1\njust words");

    assertThat(parsed.problems()).containsExactly("line 1 names no fact the checks read",
        "line 2: painReliefPercent must be a number from 0 to 100",
        "line 3: objectiveNeuroDeficit must be true or false",
        "line 4: conservativeCareWeeks must be a number of weeks, 0 or more",
        "line 5 is not \"name: value\"");
  }

  @Test
  void theTemplateListsTheCriteriaFactsWithWhatIsKnown() {
    Map<String, Object> known = new LinkedHashMap<>();
    known.put("redFlags", List.of());
    known.put("age", 58);

    String template = FactsText.template(List.of("redFlags", "objectiveNeuroDeficit"), known);

    assertThat(template).isEqualTo("redFlags: none\nobjectiveNeuroDeficit: \nage: 58");
    assertThat(FactsText.parse(template).facts()).isEqualTo(known);
  }
}
