package org.imrflow.guidelines;

import org.imrflow.process.CaseProcess;
import org.imrflow.cases.DisputedItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.junit.jupiter.api.Test;

/** What decide-item shows: the form's text names exactly the variables the check sets, and the draft reads as a rationale. */
class GuidelineFormTest {

  private static final DisputedItem SEED = Items.of(Category.PHYSICAL_THERAPY).description("Pt 2x4 Weeks (8sessions)")
      .condition(Condition.MYALGIA_MYOSITIS).visits(8, 11).improvement(false).build();

  @Test
  void theFormKeepsItsFieldsUsesNoDynamicListAndNamesOnlyVariablesTheCheckSets() throws Exception {
    JsonNode form;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/decide-item.form")) {
      form = new ObjectMapper().readTree(in);
    }
    List<String> keys = new ArrayList<>();
    List<String> templated = new ArrayList<>();
    for (JsonNode component : form.get("components")) {
      assertThat(component.get("type").asText()).isNotEqualTo("dynamiclist");
      if (component.has("key")) {
        keys.add(component.get("key").asText());
      }
      if ("text".equals(component.get("type").asText())) {
        Matcher m = Pattern.compile("\\{\\{(\\w+)}}").matcher(component.get("text").asText());
        while (m.find()) {
          templated.add(m.group(1));
        }
      }
    }
    // The case file's links are not the check's: org.imrflow.documents.TaskDocumentLinks sets them.
    templated.remove("caseFileDocuments");
    Map<String, Object> variables = GuidelineForm.variables(SEED, check(SEED));

    assertThat(form.get("id").asText()).isEqualTo("decide-item");
    assertThat(keys).containsExactly(CaseProcess.CLINICAL_FACTS.name(), CaseProcess.RECHECK.name(), "determination",
        "imroGuideline", "rationale");
    // qaComments: a quality review's comments, shown when it returned the item (quality-review sets it).
    assertThat(templated.remove("qaComments")).isTrue();
    assertThat(templated).containsExactlyInAnyOrderElementsOf(variables.keySet());
  }

  @Test
  void theSeedShowsItsVerdictFindingAndARationaleToPaste() {
    Map<String, Object> variables = GuidelineForm.variables(SEED, check(SEED));

    assertThat(variables.get("guidelineVerdict")).isEqualTo("EXCEEDS_GUIDELINE (exceeds the guideline)");
    assertThat(variables.get("suggestedDetermination")).isEqualTo("UPHELD");
    assertThat(variables.get("guidelineFindings")).isEqualTo("- **MTUS Chronic Pain Medical Treatment Guidelines,"
        + " Physical Medicine, pp. 98-99**: 8 requested + 11 completed = 19 visits; the guideline recommends 9-10 visits"
        + " over 8 weeks for myalgia and myositis.");
    assertThat(variables.get("suggestedGuideline")).isEqualTo("Decision based on MTUS Chronic Pain Medical Treatment"
        + " Guidelines 2009, Section(s): Physical medicine treatment.");
    assertThat(variables.get("rationaleDraft")).isEqualTo("Per the MTUS Chronic Pain Medical Treatment Guidelines,"
        + " Physical Medicine, pp. 98-99: 8 requested + 11 completed = 19 visits; the guideline recommends 9-10 visits"
        + " over 8 weeks for myalgia and myositis. Therefore the request is not medically necessary.");
  }

  @Test
  void withoutASuggestionTheDraftSaysTheCheckDoesNotDecideAndWhatIsMissing() {
    DisputedItem item = Items.of(Category.ACUPUNCTURE).visits(6, null).build();
    Map<String, Object> variables = GuidelineForm.variables(item, check(item));

    assertThat(variables.get("suggestedDetermination")).isEqualTo("none: clinical judgement");
    assertThat((String) variables.get("rationaleDraft")).startsWith("The guideline check does not decide this request.")
        .contains("Missing: the number of acupuncture treatments already completed or authorized.");
    DisputedItem mri = Items.of(Category.IMAGING).description("MRI of the lumbar spine").regions(BodyRegion.LOW_BACK)
        .build();
    assertThat(GuidelineForm.variables(mri, check(mri)).get("suggestedGuideline"))
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    assertThat(GuidelineForm.variables(mri, GuidelineChecksTesting.CHECKS.check(mri, null, LocalDate.of(2018, 1, 5)))
        .get("suggestedGuideline")).isEqualTo("");
  }

  private static GuidelineCheck check(DisputedItem item) {
    return GuidelineChecksTesting.CHECKS.check(item, GuidelineChecksTesting.INJURED_2013, GuidelineChecksTesting.IN_2014);
  }
}
