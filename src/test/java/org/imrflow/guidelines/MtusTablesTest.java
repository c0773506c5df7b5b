package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.imrflow.cases.DisputedItem.Procedure;
import org.imrflow.guidelines.MtusTables.ManualTherapy;
import org.imrflow.guidelines.MtusTables.PhysicalMedicine;
import org.imrflow.guidelines.MtusTables.PostsurgicalCourse;
import org.junit.jupiter.api.Test;

/** The DMN tables with cases of their own: the row in force on each side of every effective date. */
class MtusTablesTest {

  private static final MtusTables TABLES = StandaloneDecisionTables.tables();
  private static final LocalDate CPMTG_2009 = LocalDate.of(2009, 7, 18);
  private static final LocalDate CPMTG_2016 = LocalDate.of(2016, 7, 28);

  @Test
  void physicalMedicineStartsWithTheCpmtgOf2009() {
    assertThat(TABLES.physicalMedicine(CPMTG_2009.minusDays(1), Condition.MYALGIA_MYOSITIS)).isEmpty();

    PhysicalMedicine myalgia = TABLES.physicalMedicine(CPMTG_2009, Condition.MYALGIA_MYOSITIS).orElseThrow();
    assertThat(myalgia.minVisits()).isEqualTo(9);
    assertThat(myalgia.maxVisits()).isEqualTo(10);
    assertThat(myalgia.weeks()).isEqualTo("8");
    assertThat(myalgia.conditionLabel()).isEqualTo("myalgia and myositis");
    assertThat(myalgia.trialVisits()).isNull();
    assertThat(myalgia.maxVisitsPerWeek()).isEqualTo(3);
    assertThat(myalgia.citation().guideline()).isEqualTo("MTUS Chronic Pain Medical Treatment Guidelines");
    assertThat(myalgia.citation().section()).isEqualTo("Physical Medicine");
    assertThat(myalgia.citation().pages()).isEqualTo("98-99");
    assertThat(myalgia.citation().source()).contains("CPMTG 2009");
  }

  @Test
  void the2016UpdateAddsTheSixVisitTrialAndTwentySixCrpsVisitsFromItsEffectiveDate() {
    PhysicalMedicine crps2009 = TABLES.physicalMedicine(CPMTG_2016.minusDays(1), Condition.CRPS).orElseThrow();
    PhysicalMedicine crps2016 = TABLES.physicalMedicine(CPMTG_2016, Condition.CRPS).orElseThrow();

    assertThat(crps2009.maxVisits()).isEqualTo(24);
    assertThat(crps2009.trialVisits()).isNull();
    assertThat(crps2016.maxVisits()).isEqualTo(26);
    assertThat(crps2016.weeks()).isEqualTo("16");
    assertThat(crps2016.trialVisits()).isEqualTo(6);
    assertThat(crps2016.citation().section()).isEqualTo("Physical medicine treatment");
    assertThat(TABLES.physicalMedicine(LocalDate.of(2017, 11, 30), Condition.CRPS)).contains(crps2016);
    // From 12/1/2017 the MTUS incorporates the ACOEM guidelines, which the tables do not encode.
    assertThat(TABLES.physicalMedicine(LocalDate.of(2017, 12, 1), Condition.CRPS)).isEmpty();
  }

  @Test
  void neuralgiaAndLowBackPainHaveTheirRows() {
    PhysicalMedicine neuralgia = TABLES.physicalMedicine(CPMTG_2016, Condition.NEURALGIA_NEURITIS_RADICULITIS).orElseThrow();
    PhysicalMedicine lowBack = TABLES.physicalMedicine(CPMTG_2009, Condition.LOW_BACK_PAIN).orElseThrow();

    assertThat(neuralgia.minVisits()).isEqualTo(8);
    assertThat(neuralgia.maxVisits()).isEqualTo(10);
    assertThat(neuralgia.weeks()).isEqualTo("4");
    assertThat(lowBack.maxVisits()).isEqualTo(10);
    assertThat(lowBack.conditionLabel()).contains("myalgia");
  }

  @Test
  void anUnlistedOrUnstatedConditionHasNoCourseButTheTrialOfItsVersion() {
    PhysicalMedicine other2016 = TABLES.physicalMedicine(CPMTG_2016, Condition.OTHER).orElseThrow();
    PhysicalMedicine unstated2009 = TABLES.physicalMedicine(CPMTG_2009, null).orElseThrow();

    assertThat(other2016.maxVisits()).isNull();
    assertThat(other2016.trialVisits()).isEqualTo(6);
    assertThat(unstated2009.maxVisits()).isNull();
    assertThat(unstated2009.trialVisits()).isNull();
    assertThat(unstated2009.maxVisitsPerWeek()).isEqualTo(3);
  }

  @Test
  void manualTherapyHasATrialAndTotalForTheLowBackAndIsNotRecommendedForFourRegions() {
    ManualTherapy lowBack = TABLES.manualTherapy(CPMTG_2016, BodyRegion.LOW_BACK).orElseThrow();
    ManualTherapy neck = TABLES.manualTherapy(CPMTG_2009, BodyRegion.NECK).orElseThrow();
    ManualTherapy unstated = TABLES.manualTherapy(CPMTG_2016, null).orElseThrow();

    assertThat(lowBack.recommended()).isTrue();
    assertThat(lowBack.trialVisits()).isEqualTo(6);
    assertThat(lowBack.trialWeeks()).isEqualTo("2");
    assertThat(lowBack.maxVisits()).isEqualTo(18);
    assertThat(lowBack.maxWeeks()).isEqualTo("6-8");
    assertThat(lowBack.citation().pages()).isEqualTo("58-60");
    assertThat(neck.recommended()).isTrue();
    assertThat(neck.trialVisits()).isEqualTo(6);
    assertThat(neck.maxVisits()).isNull();
    assertThat(unstated).isEqualTo(TABLES.manualTherapy(CPMTG_2016, BodyRegion.HIP).orElseThrow());
    for (LocalDate date : new LocalDate[] {CPMTG_2009, CPMTG_2016}) {
      for (BodyRegion region : new BodyRegion[] {BodyRegion.KNEE, BodyRegion.ANKLE_FOOT, BodyRegion.WRIST_HAND}) {
        assertThat(TABLES.manualTherapy(date, region).orElseThrow().recommended()).as(region + " " + date).isFalse();
      }
    }
    assertThat(TABLES.manualTherapy(CPMTG_2009.minusDays(1), BodyRegion.LOW_BACK)).isEmpty();
  }

  @Test
  void massageIsFourToSixVisits() {
    MtusTables.Massage massage = TABLES.massage(CPMTG_2009).orElseThrow();

    assertThat(massage.minVisits()).isEqualTo(4);
    assertThat(massage.maxVisits()).isEqualTo(6);
    assertThat(massage.citation().pages()).isEqualTo("60");
    assertThat(TABLES.massage(CPMTG_2016).orElseThrow().maxVisits()).isEqualTo(6);
    assertThat(TABLES.massage(CPMTG_2009.minusDays(1))).isEmpty();
  }

  @Test
  void acupunctureIsInForceFromJune2007() {
    LocalDate adopted = LocalDate.of(2007, 6, 15);
    MtusTables.Acupuncture acupuncture = TABLES.acupuncture(adopted).orElseThrow();

    assertThat(TABLES.acupuncture(adopted.minusDays(1))).isEmpty();
    assertThat(acupuncture.minTrialVisits()).isEqualTo(3);
    assertThat(acupuncture.trialVisits()).isEqualTo(6);
    assertThat(acupuncture.minVisitsPerWeek()).isEqualTo(1);
    assertThat(acupuncture.maxVisitsPerWeek()).isEqualTo(3);
    assertThat(acupuncture.citation().section()).contains("9792.24.1");
    assertThat(TABLES.acupuncture(CPMTG_2016)).contains(acupuncture);
  }

  @Test
  void theStatutoryCapCoversTherapyVisitsForInjuriesFrom2004() {
    LocalDate from = LocalDate.of(2004, 1, 1);

    assertThat(TABLES.statutoryCap(Category.PHYSICAL_THERAPY, from.minusDays(1))).isEmpty();
    for (Category discipline : new Category[] {Category.PHYSICAL_THERAPY, Category.OCCUPATIONAL_THERAPY,
        Category.CHIROPRACTIC}) {
      MtusTables.StatutoryCap cap = TABLES.statutoryCap(discipline, from).orElseThrow();
      assertThat(cap.maxVisits()).as(discipline.name()).isEqualTo(24);
      assertThat(cap.citation().guideline()).isEqualTo("California Labor Code");
      assertThat(cap.citation().section()).contains("4604.5(c)(1)");
    }
    assertThat(TABLES.statutoryCap(Category.POSTSURGICAL_THERAPY, from)).isEmpty();
    assertThat(TABLES.statutoryCap(Category.ACUPUNCTURE, from)).isEmpty();
    assertThat(TABLES.statutoryCap(Category.PHYSICAL_THERAPY, null)).isEmpty();
  }

  @Test
  void postsurgicalGeneralCoursesAndPeriods() {
    assertCourse(Procedure.KNEE_MENISCECTOMY, 12, 12, "12", 6);
    assertCourse(Procedure.ACL_RECONSTRUCTION, 24, 24, "16", 6);
    assertCourse(Procedure.KNEE_ARTHROPLASTY, 24, 24, "10", 4);
    assertCourse(Procedure.LUMBAR_FUSION, 34, 34, "16", 6);
    assertCourse(Procedure.DISCECTOMY_LAMINECTOMY, 16, 16, "8", 6);
    assertCourse(Procedure.ROTATOR_CUFF_REPAIR, 24, 24, "14", 6);
    assertCourse(Procedure.CARPAL_TUNNEL_RELEASE, 3, 8, "3-5", 3);
    assertCourse(Procedure.OTHER, null, null, null, 6);
    assertThat(TABLES.postsurgical(CPMTG_2009.minusDays(1), Procedure.KNEE_MENISCECTOMY)).isEmpty();
  }

  private static void assertCourse(Procedure procedure, Integer min, Integer max, String weeks, int months) {
    PostsurgicalCourse course = TABLES.postsurgical(CPMTG_2016, procedure).orElseThrow();
    assertThat(course.minVisits()).as(procedure + " min").isEqualTo(min);
    assertThat(course.maxVisits()).as(procedure + " max").isEqualTo(max);
    assertThat(course.weeks()).as(procedure + " weeks").isEqualTo(weeks);
    assertThat(course.periodMonths()).as(procedure + " period").isEqualTo(months);
    assertThat(course.citation().section()).as(procedure + " section").startsWith("8 CCR 9792.24.3");
  }
}
