package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2014;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2016;
import static org.imrflow.guidelines.GuidelineChecksTesting.check;
import static org.imrflow.guidelines.GuidelineChecksTesting.rules;

import java.time.LocalDate;
import org.imrflow.cases.Determination;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.junit.jupiter.api.Test;

/** Physical and occupational therapy under the CPMTG physical medicine rules, at each limit and one over. */
class PhysicalMedicineCheckTest {

  private static Items pt(Condition condition, Integer requested, Integer completed) {
    return Items.of(Category.PHYSICAL_THERAPY).condition(condition).visits(requested, completed);
  }

  @Test
  void myalgiaIsTenVisitsInAll() {
    GuidelineCheck ten = check(pt(Condition.MYALGIA_MYOSITIS, 4, 6), IN_2014);
    GuidelineCheck eleven = check(pt(Condition.MYALGIA_MYOSITIS, 5, 6), IN_2014);

    assertThat(ten.verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(ten.suggestedDetermination()).isEqualTo(Determination.OVERTURNED);
    assertThat(ten.findings().get(0).totalVisits()).isEqualTo(10);
    assertThat(eleven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(eleven.suggestedDetermination()).isEqualTo(Determination.UPHELD);
    assertThat(eleven.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo(PhysicalMedicineCheck.RULE);
      assertThat(f.recommendedVisits()).isEqualTo(10);
      assertThat(f.totalVisits()).isEqualTo(11);
      assertThat(f.explanation()).isEqualTo("5 requested + 6 completed = 11 visits; the guideline recommends 9-10 visits"
          + " over 8 weeks for myalgia and myositis.");
    });
  }

  @Test
  void neuralgiaIsTenVisitsInAll() {
    assertThat(check(pt(Condition.NEURALGIA_NEURITIS_RADICULITIS, 10, 0), IN_2014).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck eleven = check(pt(Condition.NEURALGIA_NEURITIS_RADICULITIS, 11, 0), IN_2014);
    assertThat(eleven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(eleven.findings().get(0).explanation()).contains("8-10 visits over 4 weeks for neuralgia, neuritis and radiculitis");
  }

  @Test
  void crpsIsTwentyFourVisitsIn2009() {
    assertThat(check(pt(Condition.CRPS, 12, 12), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck over = check(pt(Condition.CRPS, 13, 12), IN_2014);
    assertThat(over.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(over.findings().get(0).recommendedVisits()).isEqualTo(24);
  }

  @Test
  void crpsIsTwentySixVisitsIn2016ButTheStatuteCapsPhysicalTherapyAtTwentyFour() {
    Items twentySix = pt(Condition.CRPS, 20, 6).improvement(true);
    Items twentySeven = pt(Condition.CRPS, 21, 6).improvement(true);
    LocalDate before2004 = LocalDate.of(2003, 12, 31);

    assertThat(check(twentySix, before2004, IN_2016).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(twentySeven, before2004, IN_2016).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck capped = check(twentySix, LocalDate.of(2004, 1, 1), IN_2016);
    assertThat(capped.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(rules(capped)).containsExactly(PhysicalMedicineCheck.RULE, StatutoryCapCheck.RULE);
    assertThat(capped.findings().get(1).explanation()).isEqualTo("20 requested + 6 completed = 26 physical therapy visits,"
        + " more than the 24 physical therapy visits per industrial injury that the Labor Code allows for injuries on"
        + " and after 1/1/2004, unless the employer authorizes more in writing.");
  }

  @Test
  void the2016UpdateAllowsASixVisitFirstCourse() {
    GuidelineCheck six = check(pt(Condition.MYALGIA_MYOSITIS, 6, 0), IN_2016);
    GuidelineCheck seven = check(pt(Condition.MYALGIA_MYOSITIS, 7, 0), IN_2016);

    assertThat(six.verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(six.findings().get(0).section()).isEqualTo("Physical medicine treatment");
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.findings().get(0).recommendedVisits()).isEqualTo(6);
  }

  @Test
  void theMtusInForceOnTheDateDecides() {
    Items eight = pt(Condition.MYALGIA_MYOSITIS, 8, 0);

    assertThat(check(eight, LocalDate.of(2016, 7, 27)).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(eight, LocalDate.of(2016, 7, 28)).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck before = check(eight, LocalDate.of(2009, 7, 17));
    assertThat(before.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(before.findings().get(0).explanation()).contains("07/17/2009", "not encoded");
    assertThat(check(eight, LocalDate.of(2017, 11, 30)).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck acoem = check(eight, LocalDate.of(2017, 12, 1));
    assertThat(acoem.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(acoem.citation()).isNull();
    assertThat(acoem.findings().get(0).explanation()).contains("12/01/2017", "ACOEM", "not encoded");
  }

  @Test
  void furtherVisitsAfterTheTrialWithoutDocumentedImprovementAreNotSupported() {
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 2, 4).improvement(false), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 3, 4).improvement(false), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 3, 4).improvement(true), IN_2016).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck unknown = check(pt(Condition.MYALGIA_MYOSITIS, 3, 4), IN_2016);
    assertThat(unknown.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(unknown.suggestedDetermination()).isNull();
    assertThat(unknown.findings().get(0).explanation()).contains("Missing: whether functional improvement");
  }

  @Test
  void withoutTheCompletedVisitsARequestLargerThanTheCourseStillExceedsIt() {
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 10, null), IN_2014).verdict())
        .isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 11, null), IN_2014).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(check(pt(Condition.MYALGIA_MYOSITIS, 4, null), IN_2016).findings().get(0).explanation())
        .contains("Missing: the number of physical therapy visits already completed or authorized");
  }

  @Test
  void aMissingConditionIsNamedWhereTheNumbersDependOnIt() {
    GuidelineCheck in2014 = check(pt(null, 8, 0), IN_2014);

    assertThat(in2014.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(in2014.findings().get(0).explanation()).contains("Missing: the condition treated");
    // The 2016 trial holds for every condition: six first visits fit it whatever the condition.
    assertThat(check(pt(null, 6, 0), IN_2016).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    // More than the statute allows is decided without the condition.
    assertThat(check(pt(null, 25, 0), IN_2014).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(check(pt(null, 24, 0), IN_2014).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
  }

  @Test
  void aConditionTheGuidelineGivesNoNumbersForIsLeftToTheReviewerBeyondTheTrial() {
    GuidelineCheck other = check(pt(Condition.OTHER, 8, 6).improvement(true), IN_2016);

    assertThat(other.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(other.findings().get(0).explanation()).contains("not for this condition: the reviewer judges");
  }

  @Test
  void occupationalTherapyFollowsPhysicalMedicineWithItsOwnCap() {
    Items ot = Items.of(Category.OCCUPATIONAL_THERAPY).condition(Condition.MYALGIA_MYOSITIS);

    assertThat(check(ot.visits(4, 6), IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(ot.visits(5, 6), IN_2014).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck capped = check(ot.condition(Condition.CRPS).visits(20, 6).improvement(true), IN_2016);
    assertThat(capped.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(capped.findings().get(1).explanation()).contains("= 26 occupational therapy visits",
        "more than the 24 occupational therapy visits per industrial injury");
  }

  @Test
  void withoutTheDateOfInjuryACapThatWouldDecideIsNamed() {
    GuidelineCheck check = check(pt(Condition.CRPS, 20, 6).improvement(true), null, IN_2016);

    assertThat(check.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(check.findings().get(1).explanation()).contains("Missing: the date of injury.");
  }

  @Test
  void theCapIsNotAskedWhenTheGuidelineAlreadyDecidesAgainstTheRequest() {
    assertThat(rules(check(pt(Condition.MYALGIA_MYOSITIS, 20, 10), IN_2016)))
        .containsExactly(PhysicalMedicineCheck.RULE);
  }

  @Test
  void withoutTheRequestedVisitsNothingIsCounted() {
    GuidelineCheck check = check(pt(Condition.MYALGIA_MYOSITIS, null, 4), IN_2016);

    assertThat(check.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(check.findings().get(0).explanation()).contains("Missing: the number of visits requested.");
  }

  @Test
  void upToThreeVisitsAWeekFadeToHomeExerciseAndMoreExceed() {
    Items three = pt(Condition.NEURALGIA_NEURITIS_RADICULITIS, 6, 0).description("PT 3 times a week for 2 weeks");
    Items four = pt(Condition.NEURALGIA_NEURITIS_RADICULITIS, 8, 0).description("PT 4x2 weeks lumbar");

    assertThat(check(three, IN_2014).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(rules(check(three, IN_2014))).containsExactly(PhysicalMedicineCheck.RULE);
    GuidelineCheck fading = check(four, IN_2014);
    assertThat(fading.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(rules(fading)).containsExactly(PhysicalMedicineCheck.RULE, PhysicalMedicineCheck.FADING_RULE);
    assertThat(fading.findings().get(1).explanation()).contains("4 visits a week", "up to 3 a week",
        "home exercise program");
  }
}
