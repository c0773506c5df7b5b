package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2014;
import static org.imrflow.guidelines.GuidelineChecksTesting.IN_2016;
import static org.imrflow.guidelines.GuidelineChecksTesting.check;
import static org.imrflow.guidelines.GuidelineChecksTesting.rules;

import java.time.LocalDate;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.junit.jupiter.api.Test;

/** Chiropractic under the CPMTG manual therapy rules, at each limit and one over. */
class ManualTherapyCheckTest {

  private static Items chiro(Integer requested, Integer completed, BodyRegion... regions) {
    return Items.of(Category.CHIROPRACTIC).regions(regions).visits(requested, completed);
  }

  @Test
  void theLowBackTrialIsSixVisits() {
    GuidelineCheck six = check(chiro(6, 0, BodyRegion.LOW_BACK), IN_2016);
    GuidelineCheck seven = check(chiro(7, 0, BodyRegion.LOW_BACK), IN_2016);

    assertThat(six.verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(six.findings().get(0).rule()).isEqualTo(ManualTherapyCheck.RULE);
    assertThat(six.findings().get(0).pages()).isEqualTo("58-60");
    assertThat(seven.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(seven.findings().get(0).explanation()).isEqualTo("7 visits requested as a first course, more than the"
        + " trial of 6 visits over 2 weeks; the guideline recommends more only after documented objective functional"
        + " improvement, within a total of up to 18 visits over 6-8 weeks.");
  }

  @Test
  void withImprovementTheLowBackTotalIsEighteen() {
    assertThat(check(chiro(12, 6, BodyRegion.LOW_BACK).improvement(true), IN_2014).verdict())
        .isEqualTo(Verdict.WITHIN_GUIDELINE);
    GuidelineCheck nineteen = check(chiro(13, 6, BodyRegion.LOW_BACK).improvement(true), IN_2014);
    assertThat(nineteen.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(nineteen.findings().get(0).recommendedVisits()).isEqualTo(18);
    assertThat(nineteen.findings().get(0).totalVisits()).isEqualTo(19);
  }

  @Test
  void moreAfterTheTrialNeedsDocumentedImprovement() {
    assertThat(check(chiro(6, 6, BodyRegion.LOW_BACK).improvement(false), IN_2016).verdict())
        .isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck unknown = check(chiro(2, 6, BodyRegion.NECK), IN_2016);
    assertThat(unknown.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(unknown.findings().get(0).explanation()).contains("Missing: whether functional improvement");
  }

  @Test
  void notRecommendedForTheKneeAnkleFootAndWristHandWhateverTheCount() {
    for (BodyRegion region : new BodyRegion[] {BodyRegion.KNEE, BodyRegion.ANKLE_FOOT, BodyRegion.WRIST_HAND}) {
      GuidelineCheck check = check(chiro(null, null, region), IN_2016);
      assertThat(check.verdict()).as(region.name()).isEqualTo(Verdict.NOT_RECOMMENDED);
      assertThat(check.findings()).singleElement().satisfies(f -> assertThat(f.explanation())
          .isEqualTo("The guideline does not recommend manual therapy and manipulation for " + Labels.region(region) + "."));
    }
  }

  @Test
  void aRequestThatIncludesANotRecommendedRegionIsNotSupportedAsRequested() {
    GuidelineCheck check = check(chiro(6, 0, BodyRegion.LOW_BACK, BodyRegion.KNEE), IN_2016);

    assertThat(check.verdict()).isEqualTo(Verdict.NOT_RECOMMENDED);
    assertThat(check.findings().get(0).explanation()).isEqualTo("The guideline does not recommend manual therapy and"
        + " manipulation for the knee; the request includes it along with the low back, so as requested it is not"
        + " supported.");
  }

  @Test
  void elsewhereTheTrialHoldsButNoTotalIsStated() {
    assertThat(check(chiro(6, 0, BodyRegion.NECK), IN_2016).verdict()).isEqualTo(Verdict.WITHIN_GUIDELINE);
    assertThat(check(chiro(7, 0, BodyRegion.NECK), IN_2016).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    GuidelineCheck beyond = check(chiro(6, 6, BodyRegion.NECK, BodyRegion.LOW_BACK).improvement(true), IN_2016);
    assertThat(beyond.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(beyond.findings().get(0).explanation()).contains("no visit total for manual therapy of the neck");
  }

  @Test
  void withoutABodyRegionOnlyARequestLargerThanTheTrialIsDecided() {
    GuidelineCheck six = check(chiro(6, 0), IN_2016);

    assertThat(six.verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    assertThat(six.findings().get(0).explanation()).endsWith("Missing: the body region treated.");
    assertThat(check(chiro(7, 0), IN_2016).verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
  }

  @Test
  void theStatuteCapsChiropracticAtTwentyFourVisits() {
    Items twentyFour = chiro(18, 6, BodyRegion.NECK).improvement(true);
    Items twentyFive = chiro(19, 6, BodyRegion.NECK).improvement(true);

    assertThat(check(twentyFour, IN_2016).verdict()).isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
    GuidelineCheck capped = check(twentyFive, IN_2016);
    assertThat(capped.verdict()).isEqualTo(Verdict.EXCEEDS_GUIDELINE);
    assertThat(rules(capped)).containsExactly(ManualTherapyCheck.RULE, StatutoryCapCheck.RULE);
    assertThat(capped.findings().get(1).recommendedVisits()).isEqualTo(24);
    assertThat(capped.findings().get(1).totalVisits()).isEqualTo(25);
    assertThat(check(twentyFive, LocalDate.of(2003, 12, 31), IN_2016).verdict())
        .isEqualTo(Verdict.NEEDS_CLINICAL_JUDGEMENT);
  }
}
