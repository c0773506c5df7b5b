package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imrflow.cases.Determination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample application of src/test/resources/cases gets, for each disputed item, the verdict its
 * README says, through the Java checks on the DMN tables (checked with the case's UR decision date,
 * as the process does).
 */
class SampleCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final GuidelineChecks CHECKS = StandaloneDecisionTables.checks();

  /** The README's expectations, item by item. */
  private static final Map<String, List<Verdict>> EXPECTED = Map.ofEntries(
      Map.entry("seed-pt-exceeds", List.of(Verdict.EXCEEDS_GUIDELINE)),
      // Samples dated 2024: the MTUS in force (ACOEM, from 12/1/2017) is not encoded, so the reviewer judges.
      // Their rules are shown under the 2016 MTUS in the tests below (checkedIn2017).
      Map.entry("chiro-trial-within", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("chiro-knee-not-recommended", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("acupuncture-no-improvement", List.of(Verdict.EXCEEDS_GUIDELINE)),
      Map.entry("acupuncture-missing-facts", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("postsurgical-meniscectomy", List.of(Verdict.EXCEEDS_GUIDELINE)),
      Map.entry("expedited-two-items", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      // The screening samples: the README states no verdict. Their item is dated 2024: not encoded.
      Map.entry("late-application", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("mail-extension-on-time", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("served-in-person-late", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      Map.entry("unsigned-cnc", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT)),
      // IMRflow's own two-reviewer sample: a surgery and a psychological item, both for the reviewer to judge.
      Map.entry("two-specialties", List.of(Verdict.NEEDS_CLINICAL_JUDGEMENT, Verdict.NEEDS_CLINICAL_JUDGEMENT)));

  /** A date in the 2016 MTUS's time, to show the 2024 samples' items against encoded rules. */
  private static final LocalDate IN_2017 = LocalDate.of(2017, 3, 1);

  static List<String> samples() {
    return new ArrayList<>(EXPECTED.keySet()).stream().sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void eachItemGetsTheVerdictTheReadmeSays(String sample) {
    List<GuidelineCheck> checks = check(sample);

    assertThat(checks).extracting(GuidelineCheck::verdict).containsExactlyElementsOf(EXPECTED.get(sample));
    checks.forEach(c -> {
      assertThat(c.suggestedDetermination()).isEqualTo(c.verdict().suggests());
      assertThat(c.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
    });
  }

  @Test
  void everySampleFileHasAnExpectation() throws URISyntaxException {
    File dir = new File(Objects.requireNonNull(getClass().getResource("/cases/README.md")).toURI()).getParentFile();
    List<String> files = Arrays.stream(Objects.requireNonNull(dir.list()))
        .filter(n -> n.endsWith(".json") && !n.equals("real-letter-items.json"))
        .map(n -> n.substring(0, n.length() - ".json".length())).toList();

    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void theSeedExceedsTheMyalgiaCourseWithTheArithmeticOfTheApiExample() {
    GuidelineCheck check = check("seed-pt-exceeds").get(0);

    assertThat(check.suggestedDetermination()).isEqualTo(Determination.UPHELD);
    assertThat(check.findings()).containsExactly(new Finding("MTUS-CPMTG-PHYSICAL-MEDICINE",
        "MTUS Chronic Pain Medical Treatment Guidelines", "Physical Medicine", "98-99", 10, 19,
        "8 requested + 11 completed = 19 visits; the guideline recommends 9-10 visits over 8 weeks for myalgia and myositis."));
  }

  @Test
  void theChiropracticTrialCitesManualTherapyAndTheKneeIsNamed() {
    Finding trial = checkedIn2017("chiro-trial-within").get(0).findings().get(0);
    Finding knee = checkedIn2017("chiro-knee-not-recommended").get(0).findings().get(0);
    assertThat(checkedIn2017("chiro-trial-within").get(0).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(checkedIn2017("chiro-knee-not-recommended").get(0).verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);

    assertThat(trial.pages()).isEqualTo("58-60");
    assertThat(trial.recommendedVisits()).isEqualTo(6);
    assertThat(trial.explanation()).contains("6 requested + 0 completed = 6 visits", "trial of 6 visits over 2 weeks");
    assertThat(knee.section()).isEqualTo("Manual therapy & manipulation");
    assertThat(knee.explanation()).contains("the knee");
  }

  @Test
  void acupunctureWithoutTheTreatmentsAlreadyGivenNamesThem() {
    GuidelineCheck check = check("acupuncture-missing-facts").get(0);

    assertThat(check.suggestedDetermination()).isNull();
    assertThat(check.findings().get(0).explanation())
        .contains("Missing: the number of acupuncture treatments already completed or authorized");
  }

  @Test
  void acupunctureBeyondTheTrialWithoutImprovementIsUpheld() {
    Finding finding = check("acupuncture-no-improvement").get(0).findings().get(0);

    assertThat(finding.guideline()).isEqualTo("MTUS Acupuncture Medical Treatment Guidelines");
    assertThat(finding.section()).contains("9792.24.1");
    assertThat(finding.explanation()).contains("6 requested + 12 completed = 18 treatments",
        "no objective functional improvement");
  }

  @Test
  void theMeniscectomyInitialCourseIsHalfTheGeneralCourse() throws IOException {
    JsonNode sample = sample("postsurgical-meniscectomy");
    Finding finding = check("postsurgical-meniscectomy").get(0).findings().get(0);
    DisputedItem six = withRequested(item(sample, 0), 6);

    assertThat(finding.recommendedVisits()).isEqualTo(6);
    assertThat(finding.section()).contains("9792.24.3");
    assertThat(finding.explanation()).contains("12 visits requested as a first course",
        "the initial course of 6 visits (half the general course)", "12 visits over 12 weeks for meniscectomy");
    assertThat(CHECKS.check(six, dateOfInjury(sample), asOf(sample)).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
  }

  @Test
  void theExpeditedRadiculitisCourseFitsAndTheMriIsLeftToTheReviewer() {
    List<GuidelineCheck> checks = checkedIn2017("expedited-two-items");

    assertThat(checks).extracting(GuidelineCheck::verdict)
        .containsExactly(Verdict.WITHIN_GUIDELINE, Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(checks.get(0).findings().get(0).explanation())
        .contains("6 requested + 0 completed = 6 visits", "8-10 visits over 4 weeks for neuralgia");
    assertThat(checks.get(1).findings()).singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("Missing: redFlags"));
  }

  @Test
  void samplesDatedAfterNovember2017AreLeftToTheReviewerWithNoCitation() {
    GuidelineCheck check = check("chiro-trial-within").get(0);

    assertThat(check.suggestedDetermination()).isNull();
    assertThat(check.citation()).isNull();
    assertThat(check.missingFacts()).isEmpty();
    assertThat(check.findings()).singleElement().satisfies(f -> assertThat(f.explanation())
        .contains("03/01/2024", "ACOEM practice guidelines incorporated into the MTUS from 12/1/2017", "not encoded"));
  }

  private static List<GuidelineCheck> checkedIn2017(String name) {
    JsonNode sample = sample(name);
    List<GuidelineCheck> checks = new ArrayList<>();
    for (int i = 0; i < sample.get("disputedItems").size(); i++) {
      checks.add(CHECKS.check(item(sample, i), dateOfInjury(sample), IN_2017));
    }
    return checks;
  }

  private static List<GuidelineCheck> check(String name) {
    JsonNode sample = sample(name);
    List<GuidelineCheck> checks = new ArrayList<>();
    for (int i = 0; i < sample.get("disputedItems").size(); i++) {
      checks.add(CHECKS.check(item(sample, i), dateOfInjury(sample), asOf(sample)));
    }
    return checks;
  }

  static JsonNode sample(String name) {
    try (InputStream in = SampleCasesTest.class.getResourceAsStream("/cases/" + name + ".json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DisputedItem item(JsonNode sample, int index) {
    return JSON.convertValue(sample.get("disputedItems").get(index), DisputedItem.class);
  }

  private static LocalDate dateOfInjury(JsonNode sample) {
    return LocalDate.parse(sample.get("employee").get("dateOfInjury").asText());
  }

  private static LocalDate asOf(JsonNode sample) {
    return LocalDate.parse(sample.get("utilizationReview").get("decisionDate").asText());
  }

  private static DisputedItem withRequested(DisputedItem item, int requested) {
    return new DisputedItem(item.description(), item.category(), item.bodyRegions(), item.condition(), requested,
        item.completedVisits(), item.surgery(), item.functionalImprovementDocumented(),
        item.claimsAdministratorGuideline());
  }
}
