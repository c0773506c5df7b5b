package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.cases.Determination;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.junit.jupiter.api.Test;

/**
 * The rules of DOMAIN.md §4b at their boundaries, on the standalone tables: each criterion on either
 * side of its number, a missing fact named, the citation as the letters write it.
 */
class CategoryChecksTest {

  private static final GuidelineChecks CHECKS = StandaloneDecisionTables.checks();
  private static final LocalDate IN_2017 = LocalDate.of(2017, 2, 1);

  private static GuidelineCheck check(String description, Category category, List<BodyRegion> regions,
      Map<String, Object> facts, LinkedSurgery linked) {
    DisputedItem item = new DisputedItem(description, category, regions, null, null, null, null, null, null);
    return CHECKS.check(item, ClinicalFacts.of(facts), linked, null, IN_2017);
  }

  private static GuidelineCheck check(String description, Category category, List<BodyRegion> regions,
      Object... facts) {
    return check(description, category, regions, facts(facts), null);
  }

  private static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      facts.put((String) pairs[i], pairs[i + 1]);
    }
    return facts;
  }

  private static Determination suggests(GuidelineCheck check) {
    return check.suggestedDetermination();
  }

  @Test
  void lumbarMriNeedsRedFlagsOrNerveCompromiseAfterFailedCareAndNotBeforeFourWeeks() {
    List<BodyRegion> back = List.of(BodyRegion.LOW_BACK);
    String mri = "MRI of the lumbar spine";
    GuidelineCheck unknown = check(mri, Category.IMAGING, back);
    assertThat(unknown.missingFacts()).containsExactly("redFlags");
    assertThat(unknown.citation()).isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
    assertThat(suggests(check(mri, Category.IMAGING, back, "redFlags", List.of("cauda equina"))))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check(mri, Category.IMAGING, back, "redFlags", List.of(), "conservativeCareWeeks", 3,
        "objectiveNeuroDeficit", true, "conservativeCareFailed", true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check(mri, Category.IMAGING, back, "redFlags", List.of(), "conservativeCareWeeks", 4,
        "objectiveNeuroDeficit", true, "conservativeCareFailed", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check(mri, Category.IMAGING, back, "redFlags", List.of(), "objectiveNeuroDeficit", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(check(mri, Category.IMAGING, back, "redFlags", List.of(), "objectiveNeuroDeficit", true,
        "conservativeCareWeeks", 6).missingFacts()).containsExactly("conservativeCareFailed");
  }

  @Test
  void neckImagingIsCitedToTheNeckChapter() {
    assertThat(check("Cervical spine MRI", Category.IMAGING, List.of(BodyRegion.NECK)).citation())
        .isEqualTo("Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies.");
  }

  @Test
  void shoulderMriNeedsASurgicalQuestionAfterFourWeeks() {
    List<BodyRegion> shoulder = List.of(BodyRegion.SHOULDER);
    assertThat(suggests(check("MRI of the shoulder", Category.IMAGING, shoulder, "conservativeCareWeeks", 3)))
        .isEqualTo(Determination.UPHELD);
    assertThat(check("MRI of the shoulder", Category.IMAGING, shoulder, "conservativeCareWeeks", 4).verdict())
        .isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(suggests(check("MRI of the shoulder", Category.IMAGING, shoulder, "surgeryConsidered", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("MRI of the shoulder", Category.IMAGING, shoulder, "surgeryConsidered", true,
        "conservativeCareFailed", true))).isEqualTo(Determination.OVERTURNED);
  }

  @Test
  void kneeMriNeedsASuspectedTearAfterFailedConservativeCare() {
    List<BodyRegion> knee = List.of(BodyRegion.KNEE);
    assertThat(suggests(check("Knee MRI", Category.IMAGING, knee, "suspectedTear", true, "conservativeCareFailed",
        true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Knee MRI", Category.IMAGING, knee, "suspectedTear", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(check("Knee MRI", Category.IMAGING, knee, "suspectedTear", true).missingFacts())
        .containsExactly("conservativeCareFailed");
    assertThat(suggests(check("Knee MRI", Category.IMAGING, knee, "conservativeCareWeeks", 0)))
        .isEqualTo(Determination.UPHELD);
  }

  @Test
  void hipMriAndBoneScansOnlyForASpecificSuspectedCondition() {
    assertThat(suggests(check("MRI of the left hip", Category.IMAGING, List.of(BodyRegion.HIP), "redFlags",
        List.of()))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Three phase bone scan", Category.IMAGING, List.of(BodyRegion.ANKLE_FOOT), "redFlags",
        List.of("suspected CRPS")))).isNull();
    assertThat(suggests(check("Three phase bone scan", Category.IMAGING, List.of(BodyRegion.ANKLE_FOOT), "redFlags",
        List.of()))).isEqualTo(Determination.UPHELD);
  }

  @Test
  void upperLimbElectrodiagnosticsAfterMoreThanThreeWeeksOfParesthesias() {
    List<BodyRegion> hands = List.of(BodyRegion.WRIST_HAND);
    assertThat(suggests(check("EMG/NCS of the bilateral hand", Category.OTHER, hands, "symptomWeeks", 3,
        "paresthesias", true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("EMG/NCS of the bilateral hand", Category.OTHER, hands, "symptomWeeks", 4,
        "paresthesias", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("EMG/NCS of the bilateral hand", Category.OTHER, hands, "paresthesias", false,
        "objectiveNeuroDeficit", false))).isEqualTo(Determination.UPHELD);
    assertThat(check("EMG/NCS of the bilateral hand", Category.OTHER, hands, "paresthesias", true).missingFacts())
        .containsExactly("symptomWeeks");
  }

  @Test
  void lowerLimbNerveConductionIsNotRecommendedAndNeedleEmgWaitsAMonth() {
    List<BodyRegion> leg = List.of(BodyRegion.LOW_BACK);
    assertThat(check("EMG and NCS of the right lower extremity", Category.OTHER, leg).verdict())
        .isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(suggests(check("EMG of the right lower extremity", Category.OTHER, leg, "conservativeCareWeeks", 3,
        "radiculopathyObvious", false))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("EMG of the right lower extremity", Category.OTHER, leg, "conservativeCareWeeks", 4,
        "radiculopathyObvious", false))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("EMG of the right lower extremity", Category.OTHER, leg, "radiculopathyObvious",
        true))).isEqualTo(Determination.UPHELD);
  }

  @Test
  void epiduralAndFacetInjections() {
    List<BodyRegion> back = List.of(BodyRegion.LOW_BACK);
    String esi = "Right L4 transforaminal epidural steroid injection";
    assertThat(suggests(check(esi, Category.INJECTION, back, "radiculopathyOnExam", true, "corroboratedByImaging",
        true, "conservativeCareFailed", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check(esi, Category.INJECTION, back, "corroboratedByImaging", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(check(esi, Category.INJECTION, back, "radiculopathyOnExam", true).missingFacts())
        .containsExactly("corroboratedByImaging");
    String facet = "Facet joint injections L4-5, L5-S1";
    assertThat(suggests(check(facet, Category.INJECTION, back, "priorSameInjections", 0))).isNull();
    assertThat(suggests(check(facet, Category.INJECTION, back, "priorSameInjections", 1)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check(facet, Category.INJECTION, back, "radiculopathyOnExam", true)))
        .isEqualTo(Determination.UPHELD);
  }

  @Test
  void shoulderAndKneeSurgeryAfterTheirMonthsOfLimitation() {
    List<BodyRegion> shoulder = List.of(BodyRegion.SHOULDER);
    String bankart = "Left shoulder arthroscopy with Bankart repair";
    assertThat(suggests(check(bankart, Category.SURGERY, shoulder, "activityLimitationMonths", 3,
        "conservativeCareFailed", true, "imagingConfirmsLesion", true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check(bankart, Category.SURGERY, shoulder, "activityLimitationMonths", 4,
        "conservativeCareFailed", true, "imagingConfirmsLesion", true))).isEqualTo(Determination.OVERTURNED);
    String cuff = "Right shoulder arthroscopy with rotator cuff repair";
    assertThat(suggests(check(cuff, Category.SURGERY, shoulder, "fullThicknessTear", true, "imagingConfirmsLesion",
        true, "activityLimitationMonths", 1))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check(cuff, Category.SURGERY, shoulder, "fullThicknessTear", false,
        "activityLimitationMonths", 2, "conservativeCareFailed", true, "imagingConfirmsLesion", true)))
        .isEqualTo(Determination.UPHELD);
    List<BodyRegion> knee = List.of(BodyRegion.KNEE);
    assertThat(suggests(check("Arthroscopy of the left knee", Category.SURGERY, knee, "activityLimitationMonths", 2,
        "conservativeCareFailed", true, "imagingConfirmsLesion", true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Arthroscopy of the left knee", Category.SURGERY, knee, "activityLimitationMonths", 3,
        "conservativeCareFailed", true, "imagingConfirmsLesion", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(check("Arthroscopy of the left knee", Category.SURGERY, knee).citation())
        .isEqualTo("Decision based on MTUS Knee Complaints 2004, Section(s): Surgical Considerations.");
  }

  @Test
  void associatedServicesFollowAnUpheldSurgeryAndOtherwiseMeetTheirOwnCriteria() {
    LinkedSurgery upheld = new LinkedSurgery("Knee arthroscopy", Determination.UPHELD);
    LinkedSurgery overturned = new LinkedSurgery("Shoulder arthroscopy", Determination.OVERTURNED);
    GuidelineCheck follows = check("Post operative physical therapy 2 times a week for 6 weeks",
        Category.POSTSURGICAL_THERAPY, List.of(BodyRegion.KNEE), Map.of(), upheld);
    assertThat(suggests(follows)).isEqualTo(Determination.UPHELD);
    assertThat(follows.citation()).isEqualTo("The Expert Reviewer did not cite any medical evidence for its decision.");
    assertThat(suggests(check("Pre-operative CBC", Category.OTHER, List.of(), facts("age", 49, "comorbidities",
        List.of()), overturned))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Pre-operative CBC", Category.OTHER, List.of(), facts("age", 50), overturned)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Pre-operative EKG", Category.OTHER, List.of(), facts("surgeryRisk", "LOW"),
        overturned))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Pre-operative EKG", Category.OTHER, List.of(), facts("surgeryRisk", "INTERMEDIATE",
        "comorbidities", List.of("diabetes")), overturned))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Pre-operative PT/PTT", Category.OTHER, List.of(),
        facts("bleedingRiskOrAnticoagulant", false), overturned))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Pre-op chest x-ray", Category.IMAGING, List.of(), facts("pulmonaryRisk", true),
        overturned))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Associated surgical service: Cold therapy for one week", Category.DME,
        List.of(BodyRegion.SHOULDER), facts("rentalDays", 7), overturned))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Associated surgical service: Cold therapy", Category.DME,
        List.of(BodyRegion.SHOULDER), facts("rentalDays", 8), overturned))).isEqualTo(Determination.UPHELD);
    assertThat(check("Associated surgical service: Cold therapy", Category.DME, List.of(BodyRegion.SHOULDER),
        Map.of(), overturned).missingFacts()).containsExactly("rentalDays");
  }

  @Test
  void opioidMaintenanceNeedsThirtyPercentReliefAndMonitoring() {
    Object[] monitored = {"functionalImprovementDocumented", true, "urineDrugTestRecent", true,
        "aberrantBehaviourAssessed", true};
    assertThat(suggests(check("Norco 5/325mg #40", Category.MEDICATION, List.of(), facts(append(monitored,
        "painReliefPercent", 29)), null))).isEqualTo(Determination.UPHELD);
    GuidelineCheck thirty = check("Norco 5/325mg #40", Category.MEDICATION, List.of(), facts(append(monitored,
        "painReliefPercent", 30)), null);
    assertThat(suggests(thirty)).isEqualTo(Determination.OVERTURNED);
    assertThat(thirty.citation()).isEqualTo("Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids"
        + " for Chronic Pain and Chronic Opioid Treatment: Maintenance.");
    assertThat(check("Norco 5/325mg #40", Category.MEDICATION, List.of()).missingFacts())
        .containsExactly("painReliefPercent");
    GuidelineCheck postOp = check("Norco 10/325mg #35", Category.MEDICATION, List.of(), "postOpDays", 14,
        "curesChecked", false);
    assertThat(suggests(postOp)).isEqualTo(Determination.UPHELD);
    assertThat(postOp.citation()).contains("1.4 Opioids for Acute Pain");
  }

  private static Object[] append(Object[] pairs, Object name, Object value) {
    Object[] all = Arrays.copyOf(pairs, pairs.length + 2);
    all[pairs.length] = name;
    all[pairs.length + 1] = value;
    return all;
  }

  @Test
  void nsaidsPpisMuscleRelaxantsAndTricyclics() {
    assertThat(suggests(check("Naproxen 500mg #60", Category.MEDICATION, List.of(), "inUseWeeks", 0)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Two refills of Ibuprofen 600mg #90", Category.MEDICATION, List.of(), "inUseWeeks", 6,
        "functionalImprovementDocumented", false))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Prilosec 20mg #90", Category.MEDICATION, List.of(), "giRiskFactors", List.of())))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Prilosec 20mg #90", Category.MEDICATION, List.of(), "giRiskFactors",
        List.of("history of GI bleeding")))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Flexeril 10mg #90", Category.MEDICATION, List.of(), "inUseWeeks", 2)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Flexeril 10mg #90", Category.MEDICATION, List.of(), "inUseWeeks", 3)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Orphenadrine ER 100mg #30", Category.MEDICATION, List.of(), "sameClassConcurrent",
        true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Nortriptyline 25mg #30", Category.MEDICATION, List.of(), "neuropathicPain", false)))
        .isEqualTo(Determination.UPHELD);
  }

  @Test
  void topicalsAreJudgedIngredientByIngredient() {
    GuidelineCheck cyclobenzaprine = check("Compound Cyclobenzaprine 5%, 240 grams", Category.MEDICATION, List.of());
    assertThat(cyclobenzaprine.verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(cyclobenzaprine.citation())
        .isEqualTo("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Topical analgesics.");
    assertThat(check("Anecream cream 4% #30", Category.MEDICATION, List.of()).verdict())
        .isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(check("Ketophene 20% cream", Category.MEDICATION, List.of()).missingFacts())
        .containsExactly("neuropathicPain");
    assertThat(suggests(check("Voltaren gel 1%", Category.MEDICATION, List.of(BodyRegion.SHOULDER))))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Voltaren gel 1%", Category.MEDICATION, List.of(BodyRegion.KNEE), "inUseWeeks", 11)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Voltaren gel 1%", Category.MEDICATION, List.of(BodyRegion.KNEE), "inUseWeeks", 12)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Lidoderm patch #1 box", Category.MEDICATION, List.of(), "neuropathicPain", true,
        "firstLineFailed", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Lidoderm patch #1 box", Category.MEDICATION, List.of(), "neuropathicPain", true,
        "firstLineFailed", false))).isEqualTo(Determination.UPHELD);
  }

  @Test
  void modalitiesAndEquipment() {
    List<BodyRegion> back = List.of(BodyRegion.LOW_BACK);
    assertThat(check("Ultrasound 1 times 8", Category.OTHER, back).verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(check("Spinolator therapy (traction) times 6", Category.OTHER, back).citation())
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.");
    assertThat(check("Extracorporeal shockwave therapy (ESWT)", Category.OTHER, back).verdict())
        .isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(suggests(check("Electrical stimulation 1 times 8", Category.OTHER, back, "homeTrial", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("TENS unit home trial", Category.DME, back, "homeTrial", true,
        "adjunctToFunctionalRestoration", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Biofeedback", Category.OTHER, back, "cbtWeeks", 3))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Biofeedback", Category.OTHER, back, "cbtWeeks", 4)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Sit-stand workstation", Category.DME, back, "specificMedicalRationale", true)))
        .isEqualTo(Determination.OVERTURNED);
    assertThat(check("Hospital bed", Category.DME, List.of()).missingFacts())
        .containsExactly("specificMedicalRationale");
  }

  @Test
  void otherServices() {
    assertThat(suggests(check("Home aide 6 hours per day", Category.OTHER, List.of(), "homebound", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Transportation to/from all medical appointments", Category.OTHER, List.of(),
        "canSelfTransport", true))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Transportation to/from all medical appointments", Category.OTHER, List.of(),
        "age", 54))).isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Transportation to/from all medical appointments", Category.OTHER, List.of(),
        "age", 55, "canSelfTransport", false))).isEqualTo(Determination.OVERTURNED);
    assertThat(suggests(check("Initial exam", Category.OTHER, List.of(), "priorVisitSameKind", true)))
        .isEqualTo(Determination.UPHELD);
    assertThat(suggests(check("Spine surgery evaluation for the lumbar", Category.OTHER, List.of(BodyRegion.LOW_BACK),
        "objectiveNeuroDeficit", true, "imagingConfirmsLesion", true))).isEqualTo(Determination.OVERTURNED);
    assertThat(check("Spine surgery evaluation", Category.OTHER, List.of()).citation())
        .isEqualTo("Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits.");
  }

  @Test
  void theGenericPatternsDecideFirst() {
    assertThat(suggests(check("Post-op Zofran", Category.MEDICATION, List.of(), "requestSpecified", false)))
        .isEqualTo(Determination.UPHELD);
    assertThat(check("Post-op Zofran", Category.MEDICATION, List.of(), "requestSpecified", true).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(suggests(check("MRI of the lumbar spine", Category.IMAGING, List.of(BodyRegion.LOW_BACK),
        "partialApprovalRemainder", true, "redFlags", List.of("fracture")))).isEqualTo(Determination.UPHELD);
  }

  @Test
  void theMtusInForceDecidesForEveryCategory() {
    DisputedItem mri = new DisputedItem("MRI of the lumbar spine", Category.IMAGING, List.of(BodyRegion.LOW_BACK),
        null, null, null, null, null, null);
    ClinicalFacts redFlag = ClinicalFacts.of(Map.of("redFlags", List.of("fracture")));
    assertThat(CHECKS.check(mri, redFlag, null, null, LocalDate.of(2017, 11, 30)).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck after = CHECKS.check(mri, redFlag, null, null, LocalDate.of(2017, 12, 1));
    assertThat(after.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(after.citation()).isNull();
    assertThat(after.findings().get(0).rule()).isEqualTo(GuidelineChecks.NOT_ENCODED);
    assertThat(CHECKS.check(mri, redFlag, null, null, LocalDate.of(2009, 7, 18)).citation())
        .isEqualTo("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.");
  }

  @Test
  void factsAreValidatedByName() {
    assertThat(ClinicalFacts.problems(Map.of("painReliefPercent", 100, "conservativeCareWeeks", 0))).isEmpty();
    assertThat(ClinicalFacts.problems(Map.of("painReliefPercent", 101))).extracting(p -> p.field())
        .containsExactly("facts.painReliefPercent");
    assertThat(ClinicalFacts.problems(Map.of("conservativeCareWeeks", -1))).hasSize(1);
    assertThat(ClinicalFacts.problems(Map.of("age", 12.5))).hasSize(1);
    assertThat(ClinicalFacts.problems(Map.of("surgeryRisk", "EXTREME"))).hasSize(1);
    assertThat(ClinicalFacts.problems(Map.of("redFlags", List.of(1)))).hasSize(1);
    assertThat(ClinicalFacts.problems(Map.of("nonsense", true))).extracting(p -> p.message()).singleElement()
        .asString().startsWith("unknown fact");
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("objectiveNeuroDeficit", null);
    assertThat(ClinicalFacts.problems(nulls)).isEmpty();
  }
}
