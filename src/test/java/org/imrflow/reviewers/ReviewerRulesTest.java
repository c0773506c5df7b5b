package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.imrflow.TestCases;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.AffiliationKind;
import org.imrflow.reviewers.ReviewerProfile.License;
import org.junit.jupiter.api.Test;

/** The qualification and conflict rules of DOMAIN.md §2, each on its own, without Spring. */
class ReviewerRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final QualificationPolicy POLICY = new QualificationPolicy(5, 24, false);
  static final List<CaseParty> PARTIES = List.of(
      new CaseParty(null, Names.normalize("J. Doe"), "CONFLICT_EMPLOYEE"),
      new CaseParty("FEIN-95-0000001", Names.normalize("Sunrise Packing Co."), "CONFLICT_EMPLOYER"),
      new CaseParty("CA-ADM-0007", Names.normalize("Golden State Claims Services"), "CONFLICT_CLAIMS_ADMINISTRATOR"),
      new CaseParty("UR-0003", Names.normalize("West Coast UR Partners"), "CONFLICT_UR_ORGANIZATION"),
      new CaseParty("NPI-1000000001", Names.normalize("Dr. Il"), "CONFLICT_PROVIDER"));
  static final List<ItemReviewers> PT_ITEM = List.of(new ItemReviewers(List.of(List.of(new ItemReviewers.Route(
      Set.of(ReviewerProfile.Profession.MD, ReviewerProfile.Profession.DO),
      Set.of(Names.normalize("Physical Medicine and Rehabilitation")))))));

  @Test
  void namesCompareIgnoringCaseSpacingPunctuationAndCompanySuffixes() {
    assertThat(Names.normalize("Golden State Claims Services, Inc.")).isEqualTo("goldenstateclaimsservices");
    assertThat(Names.normalize("  golden   STATE claims-services inc ")).isEqualTo("goldenstateclaimsservices");
    assertThat(Names.normalize("The Golden State Claims Services L.L.C.")).isEqualTo("goldenstateclaimsservices");
    assertThat(Names.normalize("Sunrise Packing Co., Inc.")).isEqualTo(Names.normalize("Sunrise Packing"));
    assertThat(Names.normalize("Acme Corp.")).isEqualTo(Names.normalize("ACME CORPORATION"));
    // A suffix inside a name is part of it; a name that is only a suffix stays.
    assertThat(Names.normalize("Co-op Claims Company")).isEqualTo("coopclaims");
    assertThat(Names.normalize("Inc.")).isEqualTo("inc");
    assertThat(Names.normalize("Golden State Claims")).isNotEqualTo(Names.normalize("Golden State Claims Services"));
    assertThat(Names.normalize("West Coast U.R. Partners")).isEqualTo(Names.normalize("West Coast UR Partners"));
    assertThat(Names.normalize("Physical Medicine & Rehabilitation"))
        .isEqualTo(Names.normalize("Physical Medicine and Rehabilitation"));
    assertThat(Names.normalize(null)).isEmpty();
  }

  @Test
  void anAffiliationConflictsByIdOrByNameWhetherOrNotBothHaveIds() {
    assertThat(conflicts(new Affiliation(AffiliationKind.CLAIMS_ADMINISTRATOR, "CA-ADM-0007", "Other name")))
        .containsExactly("CONFLICT_CLAIMS_ADMINISTRATOR");
    assertThat(conflicts(new Affiliation(AffiliationKind.EMPLOYER, null, "SUNRISE PACKING CO"))).containsExactly("CONFLICT_EMPLOYER");
    assertThat(conflicts(new Affiliation(AffiliationKind.OTHER, null, "j doe"))).containsExactly("CONFLICT_EMPLOYEE");
    assertThat(conflicts(new Affiliation(AffiliationKind.PROVIDER, "NPI-1000000001", null))).containsExactly("CONFLICT_PROVIDER");
    assertThat(conflicts(new Affiliation(AffiliationKind.UR_ORGANIZATION, null, "West Coast U.R. Partners")))
        .containsExactly("CONFLICT_UR_ORGANIZATION");
    assertThat(conflicts(new Affiliation(AffiliationKind.UR_ORGANIZATION, null, "East Coast UR Partners"))).isEmpty();
    assertThat(conflicts(new Affiliation(AffiliationKind.UR_ORGANIZATION, null, "West Coast UR Partners")))
        .containsExactly("CONFLICT_UR_ORGANIZATION");
    // Both have ids and they differ: the same company under another id scheme still conflicts (API.md §6).
    assertThat(conflicts(new Affiliation(AffiliationKind.CLAIMS_ADMINISTRATOR, "NAIC-12345",
        "Golden State Claims Services, Inc."))).containsExactly("CONFLICT_CLAIMS_ADMINISTRATOR");
    assertThat(conflicts(new Affiliation(AffiliationKind.EMPLOYER, "FEIN-11-1111111", "Sunrise Packing Co."))).containsExactly("CONFLICT_EMPLOYER");
    assertThat(conflicts(new Affiliation(AffiliationKind.EMPLOYER, "FEIN-11-1111111", "Sunset Packing Co."))).isEmpty();
  }

  @Test
  void theInsurerTheUrPhysicianAndEachProvidersMedicalGroupAreParties() {
    ObjectNode json = TestCases.json("seed-pt-exceeds");
    json.putObject("insurer").put("id", "NAIC-10001").put("name", "Pacific Mutual Insurance Co.");
    ((ObjectNode) json.get("utilizationReview")).putObject("physician")
        .put("id", "NPI-2000000002").put("name", "Dr. Ur Reviewer");
    ((ObjectNode) json.get("providers").get(0)).putObject("group")
        .put("id", "GRP-77").put("name", "Valley Spine Medical Group, Inc.");
    List<CaseParty> parties = CaseParty.of(TestCases.application(json));
    assertThat(ConflictScreening.conflicts(List.of(new Affiliation(AffiliationKind.OTHER, null,
        "Pacific Mutual Insurance")), parties)).containsExactly("CONFLICT_INSURER");
    assertThat(ConflictScreening.conflicts(List.of(new Affiliation(AffiliationKind.PROVIDER, "NPI-2000000002", null)),
        parties)).containsExactly("CONFLICT_UR_PHYSICIAN");
    assertThat(ConflictScreening.conflicts(List.of(new Affiliation(AffiliationKind.PROVIDER, "OTHER-ID",
        "Valley Spine Medical Group")), parties)).containsExactly("CONFLICT_MEDICAL_GROUP");
    assertThat(ConflictScreening.conflicts(List.of(new Affiliation(AffiliationKind.PROVIDER, null,
        "Valley Hand Medical Group")), parties)).isEmpty();
  }

  @Test
  void aQualifiedReviewerHasNoReasons() {
    assertThat(reasons(reviewer(b -> { }))).isEmpty();
  }

  @Test
  void licenses() {
    assertThat(reasons(reviewer(b -> b.licenses.clear()))).containsExactly("NO_VALID_LICENSE");
    assertThat(reasons(reviewer(b -> b.licenses.set(0, new License("CA", "A1", TODAY.minusDays(1))))))
        .containsExactly("LICENSE_EXPIRED");
    assertThat(reasons(reviewer(b -> b.licenses.set(0, new License("CA", "A1", TODAY))))).isEmpty();
    PanelReviewer texan = reviewer(b -> b.licenses.set(0, new License("TX", "T1", TODAY.plusYears(1))));
    assertThat(reasons(texan)).isEmpty();
    assertThat(QualificationRules.reasons(texan, new QualificationPolicy(5, 24, true), TODAY, PT_ITEM, PARTIES))
        .containsExactly("NO_CALIFORNIA_LICENSE");
  }

  @Test
  void experienceAndPracticeHoursAtTheirBoundaries() {
    assertThat(reasons(reviewer(b -> b.years = 5))).containsExactly("INSUFFICIENT_EXPERIENCE");
    assertThat(reasons(reviewer(b -> b.years = 6))).isEmpty();
    assertThat(reasons(reviewer(b -> b.years = null))).containsExactly("INSUFFICIENT_EXPERIENCE");
    assertThat(reasons(reviewer(b -> b.hours = 23))).containsExactly("INSUFFICIENT_PRACTICE_HOURS");
    assertThat(reasons(reviewer(b -> b.hours = 24))).isEmpty();
  }

  @Test
  void specialtyCertificationAndActivity() {
    assertThat(reasons(reviewer(b -> b.certifications = List.of("Psychiatry")))).containsExactly("SPECIALTY_MISMATCH");
    assertThat(reasons(reviewer(b -> b.certifications = List.of()))).contains("NO_BOARD_CERTIFICATION");
    assertThat(reasons(reviewer(b -> b.active = false))).containsExactly("INACTIVE");
    PanelReviewer anyone = reviewer(b -> b.certifications = List.of("Psychiatry"));
    assertThat(QualificationRules.reasons(anyone, POLICY, TODAY, List.of(ItemReviewers.ANYONE), PARTIES)).isEmpty();
  }

  @Test
  void californiaLicenseesRankAboveOthersThenFewestOpenCases() {
    Candidate caBusy = new Candidate("a", "A", true, List.of(), 3, true, "");
    Candidate txFree = new Candidate("b", "B", true, List.of(), 0, false, "");
    Candidate caFree = new Candidate("c", "C", true, List.of(), 1, true, "");
    Candidate ineligible = new Candidate("d", "D", false, List.of("INACTIVE"), 0, true, "");
    List<Candidate> ranked = new ArrayList<>(List.of(ineligible, txFree, caBusy, caFree));
    ranked.sort(ReviewerCandidates.RANKING);
    assertThat(ranked).extracting(Candidate::userId).containsExactly("c", "a", "b", "d");
  }

  private static List<String> conflicts(Affiliation affiliation) {
    return List.copyOf(ConflictScreening.conflicts(List.of(affiliation), PARTIES));
  }

  private static List<String> reasons(PanelReviewer r) {
    return QualificationRules.reasons(r, POLICY, TODAY, PT_ITEM, PARTIES);
  }

  static final class Builder {
    ReviewerProfile.Profession profession = ReviewerProfile.Profession.MD;
    List<String> certifications = List.of("Physical Medicine and Rehabilitation");
    List<ReviewerProfile.Certification> dated = List.of();
    List<License> licenses = new ArrayList<>(List.of(new License("CA", "A1", TODAY.plusYears(1))));
    Integer years = 12;
    Integer hours = 30;
    boolean active = true;
  }

  private static PanelReviewer reviewer(Consumer<Builder> change) {
    Builder b = new Builder();
    change.accept(b);
    return PanelReviewer.of(new ReviewerProfile("r", "R", b.profession, b.certifications, List.of(), b.dated, b.licenses,
        b.years, b.hours, List.of(), b.active).normalized(), 0);
  }
}
