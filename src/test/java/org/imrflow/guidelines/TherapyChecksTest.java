package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2014;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2016;
import static org.imrflow.guidelines.GuidelineChecksTesting.check;
import static org.imrflow.guidelines.GuidelineChecksTesting.rules;

import java.time.LocalDate;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.imrflow.cases.DisputedItem.Procedure;
import org.junit.jupiter.api.Test;

/** Massage, acupuncture, postsurgical therapy and the items no mechanical rule covers, at each limit and one over. */
class TherapyChecksTest {

  @Test
  void massageIsSixVisitsInAll() {
    Items massage = Items.of(Category.MASSAGE);

    assertThat(check(massage.visits(6, 0), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(massage.visits(3, 3), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck seven = check(massage.visits(4, 3), IN_2014);
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(MassageCheck.RULE);
      assertThat(f.pages()).isEqualTo("60");
      assertThat(f.explanation()).isEqualTo("4 requested + 3 completed = 7 visits; the guideline recommends 4-6 visits"
          + " in most cases, as an adjunct to other recommended treatment such as exercise.");
    });
    assertThat(check(massage.visits(6, null), IN_2014).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(check(massage.visits(7, null), IN_2014).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
  }

  @Test
  void acupunctureTrialIsSixTreatments() {
    Items acupuncture = Items.of(Category.ACUPUNCTURE);

    assertThat(check(acupuncture.visits(6, 0), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck seven = check(acupuncture.visits(7, 0), IN_2014);
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.findings().get(0).explanation()).startsWith("7 treatments requested as a first course, more than"
        + " the 3-6 treatment trial (1 to 3 a week, optimum duration 1 to 2 months)");
  }

  @Test
  void acupunctureExtendsOnlyWithDocumentedImprovement() {
    Items acupuncture = Items.of(Category.ACUPUNCTURE).visits(6, 6);

    assertThat(check(acupuncture.improvement(true), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(acupuncture.improvement(false), IN_2014).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck unknown = check(acupuncture.improvement(null), IN_2014);
    assertThat(unknown.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(unknown.findings().get(0).explanation()).contains("Missing: whether functional improvement from the"
        + " completed treatments is documented.");
    assertThat(check(Items.of(Category.ACUPUNCTURE).visits(6, 0), LocalDate.of(2007, 6, 14)).verdict())
        .isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
  }

  @Test
  void acupunctureIsOneToThreeTreatmentsAWeek() {
    Items three = Items.of(Category.ACUPUNCTURE).visits(6, 0).description("Acupuncture 3x/week for 2 weeks");
    Items four = Items.of(Category.ACUPUNCTURE).visits(6, 0).description("Acupuncture four times a week");

    assertThat(check(three, IN_2016).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck tooOften = check(four, IN_2016);
    assertThat(tooOften.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(rules(tooOften)).containsExactly(AcupunctureCheck.RULE, AcupunctureCheck.FREQUENCY_RULE);
  }

  @Test
  void acupunctureIsNotUnderTheStatutoryCap() {
    assertThat(check(Items.of(Category.ACUPUNCTURE).visits(20, 10).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
  }

  private static final LocalDate SURGERY = LocalDate.of(2016, 10, 1);

  private static Items postsurgical(Procedure procedure, Integer requested, Integer completed) {
    return Items.of(Category.POSTSURGICAL_THERAPY).surgery(procedure, SURGERY).visits(requested, completed);
  }

  @Test
  void theInitialCourseIsHalfTheGeneralCourse() {
    assertThat(check(postsurgical(Procedure.KNEE_MENISCECTOMY, 6, 0), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck seven = check(postsurgical(Procedure.KNEE_MENISCECTOMY, 7, 0), IN_2016);
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.findings().get(0).rule()).isEqualTo(PostsurgicalCheck.RULE);
    assertThat(seven.findings().get(0).recommendedVisits()).isEqualTo(6);
    // Carpal tunnel release: 3-8 visits, half of 8 is 4.
    assertThat(check(postsurgical(Procedure.CARPAL_TUNNEL_RELEASE, 4, 0), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(postsurgical(Procedure.CARPAL_TUNNEL_RELEASE, 5, 0), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
  }

  @Test
  void withImprovementTheGeneralCourseIsTheLimit() {
    assertThat(check(postsurgical(Procedure.KNEE_MENISCECTOMY, 6, 6).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(postsurgical(Procedure.KNEE_MENISCECTOMY, 7, 6).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(check(postsurgical(Procedure.KNEE_MENISCECTOMY, 6, 6).improvement(false), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(check(postsurgical(Procedure.KNEE_MENISCECTOMY, 6, 6), IN_2016).verdict())
        .isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
  }

  @Test
  void postsurgicalVisitsAreNotUnderTheStatutoryCap() {
    assertThat(check(postsurgical(Procedure.LUMBAR_FUSION, 4, 30).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(postsurgical(Procedure.LUMBAR_FUSION, 5, 30).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
  }

  @Test
  void thePostsurgicalPeriodCountsFromTheSurgeryAndThenTheChronicPainRulesApply() {
    Items item = postsurgical(Procedure.KNEE_MENISCECTOMY, 6, 6).improvement(true).condition(Condition.MYALGIA_MYOSITIS);
    LocalDate lastDay = SURGERY.plusMonths(6);

    assertThat(check(item, lastDay).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck after = check(item, lastDay.plusDays(1));
    assertThat(after.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(rules(after)).containsExactly(PostsurgicalCheck.RULE, PhysicalMedicineCheck.RULE);
    assertThat(after.findings().get(0).explanation()).isEqualTo("The 6-month postsurgical physical medicine period for"
        + " meniscectomy, counted from the surgery on 10/01/2016, ended on 04/01/2017: the Chronic Pain Medical"
        + " Treatment Guidelines apply to this request.");
    assertThat(after.findings().get(1).explanation()).startsWith("6 requested + 6 completed = 12 visits");
  }

  @Test
  void aPostsurgicalRequestWithoutItsSurgeryOrDateNamesWhatIsMissing() {
    GuidelineCheck noDate = check(Items.of(Category.POSTSURGICAL_THERAPY).surgery(Procedure.KNEE_MENISCECTOMY, null)
        .visits(12, 0), IN_2016);
    GuidelineCheck noSurgery = check(Items.of(Category.POSTSURGICAL_THERAPY).visits(12, 0), IN_2016);

    assertThat(noDate.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(noDate.suggestedDetermination()).isNull();
    assertThat(noDate.findings().get(0).explanation()).endsWith("Missing: the date of surgery.");
    assertThat(noSurgery.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(noSurgery.findings().get(0).explanation()).endsWith("Missing: the surgery and its date.");
  }

  @Test
  void aSurgeryTheScheduleDoesNotListHasOnlyItsPeriod() {
    GuidelineCheck other = check(postsurgical(Procedure.OTHER, 12, 0), IN_2016);

    assertThat(other.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(other.findings().get(0).explanation()).contains("lists no general course for this surgery",
        "6 months runs to 04/01/2017");
  }

  @Test
  void itemsNoMechanicalRuleCoversAreLeftToTheReviewer() {
    for (Category category : new Category[] {Category.IMAGING, Category.MEDICATION, Category.SURGERY, Category.DME,
        Category.INJECTION, Category.PSYCHOLOGICAL, Category.OTHER}) {
      GuidelineCheck check = check(Items.of(category).visits(6, 0), IN_2016);
      assertThat(check.verdict()).as(category.name()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
      assertThat(check.suggestedDetermination()).as(category.name()).isNull();
      // Without facts, the rules of the other categories name what they need, or leave it to judgement.
      assertThat(check.findings()).singleElement().satisfies(f ->
          assertThat(f.explanation()).containsAnyOf("Missing:", "the reviewer judges"));
      assertThat(check.citation()).as(category.name()).startsWith("Decision based on");
    }
  }

  @Test
  void withoutADateTheMtusInForceIsUnknown() {
    GuidelineCheck check = GuidelineChecksTesting.CHECKS.check(
        Items.of(Category.PHYSICAL_THERAPY).visits(6, 0).build(), null, null);

    assertThat(check.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(check.findings().get(0).explanation()).contains("Missing: the date of the request");
  }
}
