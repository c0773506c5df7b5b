package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.imrflow.reviewers.ItemReviewers.Route;
import org.imrflow.reviewers.ReviewerProfile.Certification;
import org.imrflow.reviewers.ReviewerProfile.License;
import org.imrflow.reviewers.ReviewerProfile.Profession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may decide what (issue 17): the real processes/reviewer-specialties.dmn on the standalone DMN
 * engine, read into routes as SpecialtyMatch reads them, and the qualification rules on top, at
 * each rule's boundary.
 */
class WhoMayReviewTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final QualificationPolicy POLICY = new QualificationPolicy(5, 24, false);
  static DmnEngine engine;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = WhoMayReviewTest.class.getResourceAsStream("/processes/reviewer-specialties.dmn")) {
      decision = engine.parseDecision(SpecialtyMatch.DECISION, in);
    }
  }

  @ParameterizedTest(name = "{0} {1} ''{2}'' by {3} {4}: {5}")
  @CsvSource(delimiter = '|', value = {
      // surgery only by a surgeon of the region's field
      "SURGERY | SHOULDER | Right shoulder arthroscopy | MD  | Orthopedic Surgery                   | true",
      "SURGERY | SHOULDER | Right shoulder arthroscopy | MD  | Sports Medicine                      | false",
      "SURGERY | SHOULDER | Right shoulder arthroscopy | MD  | Family Practice;Sports Medicine      | false",
      "SURGERY | SHOULDER | Right shoulder arthroscopy | MD  | Neurological Surgery                 | false",
      "SURGERY | SHOULDER | Right shoulder arthroscopy | DC  | Chiropractic                         | false",
      "SURGERY | SHOULDER | Right shoulder arthroscopy | DC  | Orthopedic Surgery                   | false",
      "SURGERY | LOW_BACK | L4-5 fusion                | DO  | Neurological Surgery                 | true",
      "SURGERY | LOW_BACK | L4-5 fusion                | MD  | Orthopedic Surgery                   | true",
      "SURGERY | KNEE     | Knee arthroscopy           | MD  | Neurological Surgery                 | false",
      "SURGERY | WRIST_HAND | Carpal tunnel release    | MD  | Hand Surgery                         | true",
      "SURGERY | WRIST_HAND | Carpal tunnel release    | MD  | Physical Medicine and Rehabilitation | false",
      "SURGERY | ANKLE_FOOT | Bunionectomy             | DPM | Foot and Ankle Surgery               | true",
      "SURGERY | KNEE     | Knee arthroscopy           | DPM | Foot and Ankle Surgery               | false",
      "SURGERY |          | Hernia repair              | MD  | General Surgery                      | true",
      "SURGERY |          | Hernia repair              | MD  | Orthopedic Surgery                   | true",
      "SURGERY |          | Hernia repair              | MD  | Internal Medicine                    | false",
      // medication, imaging, injection and electrodiagnostic items only by MD/DO
      "MEDICATION | NECK   | Cyclobenzaprine 7.5mg #60  | MD  | Pain Management                      | true",
      "MEDICATION | NECK   | Cyclobenzaprine 7.5mg #60  | DC  | Pain Management                      | false",
      "MEDICATION | NECK   | Cyclobenzaprine 7.5mg #60  | PHD_PSYCHOLOGY | Pain Management       | false",
      "IMAGING  | LOW_BACK | MRI lumbar spine           | DO  | Family Practice                      | true",
      "IMAGING  | LOW_BACK | MRI lumbar spine           | DC  | Chiropractic                         | false",
      "IMAGING  | LOW_BACK | MRI lumbar spine           | LAC | Acupuncture                          | false",
      "INJECTION | LOW_BACK | L5-S1 epidural steroid    | MD  | Anesthesiology                       | true",
      "INJECTION | LOW_BACK | L5-S1 epidural steroid    | DC  | Anesthesiology                       | false",
      "OTHER    | WRIST_HAND | EMG/NCS bilateral upper  | MD  | Neurology                            | true",
      "OTHER    | WRIST_HAND | EMG/NCS bilateral upper  | DC  | Chiropractic                         | false",
      "OTHER    | HEAD     | EEG                        | DC  | Chiropractic                         | false",
      "OTHER    |          | Pre-operative CBC          | DC  | Chiropractic                         | false",
      "OTHER    |          | Pre-operative CBC          | MD  | Internal Medicine                    | true",
      "OTHER    | LOW_BACK | Chiropractic re-exam       | DC  | Chiropractic                         | true",
      // chiropractic by DC or MD/DO of a related specialty
      "CHIROPRACTIC | LOW_BACK | Chiropractic 2x3       | DC  |                                      | true",
      "CHIROPRACTIC | LOW_BACK | Chiropractic 2x3       | MD  | Physical Medicine and Rehabilitation | true",
      "CHIROPRACTIC | LOW_BACK | Chiropractic 2x3       | MD  | Psychiatry                           | false",
      "CHIROPRACTIC | LOW_BACK | Chiropractic 2x3       | LAC | Acupuncture                          | false",
      // acupuncture by LAc or MD/DO
      "ACUPUNCTURE | NECK | Acupuncture x6              | LAC |                                      | true",
      "ACUPUNCTURE | NECK | Acupuncture x6              | DO  | Occupational Medicine                | true",
      "ACUPUNCTURE | NECK | Acupuncture x6              | DC  | Chiropractic                         | false",
      // psychological by psychiatry or psychology
      "PSYCHOLOGICAL | HEAD | CBT x6                    | MD  | Psychiatry                           | true",
      "PSYCHOLOGICAL | HEAD | CBT x6                    | PSYD |                                     | true",
      "PSYCHOLOGICAL | HEAD | CBT x6                    | PHD_PSYCHOLOGY | Clinical Psychology   | true",
      "PSYCHOLOGICAL | HEAD | CBT x6                    | MD  | Neurology                            | false",
      "PSYCHOLOGICAL | HEAD | CBT x6                    | DC  | Psychology                           | false",
      // a profile without a profession is matched by specialty only (registered before professions)
      "SURGERY | SHOULDER | Right shoulder arthroscopy |     | Orthopedic Surgery                   | true",
      "CHIROPRACTIC | LOW_BACK | Chiropractic 2x3       |     | Chiropractic                         | false",
      "PHYSICAL_THERAPY | NECK | PT 2x4                 |     | Physical Medicine and Rehabilitation | true"})
  void whoMayDecide(String category, String region, String description, String profession, String specialties,
      boolean eligible) {
    PanelReviewer r = reviewer(profession == null ? null : Profession.valueOf(profession),
        specialties == null ? List.of() : List.of(specialties.split(";")), List.of());
    List<String> reasons = reasons(r, item(category, region, description));
    if (eligible) {
      assertThat(reasons).isEmpty();
    } else {
      assertThat(reasons).containsExactly("SPECIALTY_MISMATCH");
    }
  }

  @Test
  void aSurgeryOfTwoRegionsNeedsASurgeonOfBoth() {
    ItemReviewers spineAndKnee = item("SURGERY", "LOW_BACK;KNEE", "fusion and arthroscopy");
    assertThat(reasons(reviewer(Profession.MD, List.of("Orthopedic Surgery"), List.of()), spineAndKnee)).isEmpty();
    assertThat(reasons(reviewer(Profession.MD, List.of("Neurological Surgery"), List.of()), spineAndKnee))
        .containsExactly("SPECIALTY_MISMATCH");
  }

  @Test
  void aCertificationCountsThroughItsExpiryDayAndNotAfter() {
    ItemReviewers shoulder = item("SURGERY", "SHOULDER", "Right shoulder arthroscopy");
    PanelReviewer expiresToday = reviewer(Profession.MD, List.of(),
        List.of(new Certification("Orthopedic Surgery", TODAY)));
    PanelReviewer expiredYesterday = reviewer(Profession.MD, List.of(),
        List.of(new Certification("Orthopedic Surgery", TODAY.minusDays(1))));
    assertThat(reasons(expiresToday, shoulder)).isEmpty();
    // Its only certification lapsed: no current board certification, and no surgeon for the shoulder.
    assertThat(reasons(expiredYesterday, shoulder)).containsExactly("CERTIFICATION_EXPIRED", "SPECIALTY_MISMATCH");
    // The same name without a date in boardCertifications does not revive it.
    PanelReviewer listedToo = reviewer(Profession.MD, List.of("Orthopedic Surgery", "Sports Medicine"),
        List.of(new Certification("Orthopedic Surgery", TODAY.minusDays(1))));
    assertThat(reasons(listedToo, shoulder)).containsExactly("SPECIALTY_MISMATCH");
    // Renewed: the latest expiry of the same name counts.
    PanelReviewer renewed = reviewer(Profession.MD, List.of(), List.of(
        new Certification("Orthopedic Surgery", TODAY.minusDays(1)), new Certification("Orthopedic Surgery", TODAY.plusYears(10))));
    assertThat(reasons(renewed, shoulder)).isEmpty();
  }

  @Test
  void onlyPhysiciansNeedABoardCertification() {
    ItemReviewers chiro = item("CHIROPRACTIC", "LOW_BACK", "Chiropractic 2x3");
    assertThat(reasons(reviewer(Profession.DC, List.of(), List.of()), chiro)).isEmpty();
    assertThat(reasons(reviewer(Profession.MD, List.of(), List.of()), chiro))
        .containsExactly("NO_BOARD_CERTIFICATION", "SPECIALTY_MISMATCH");
    assertThat(reasons(reviewer(null, List.of(), List.of()), ItemReviewers.ANYONE)).containsExactly("NO_BOARD_CERTIFICATION");
  }

  @Test
  void everyCategoryAndRegionHasARouteOfKnownProfessions() {
    for (String category : List.of("PHYSICAL_THERAPY", "OCCUPATIONAL_THERAPY", "CHIROPRACTIC", "ACUPUNCTURE", "MASSAGE",
        "POSTSURGICAL_THERAPY", "MEDICATION", "IMAGING", "INJECTION", "SURGERY", "DME", "PSYCHOLOGICAL", "OTHER")) {
      for (String region : new String[] {null, "NECK", "UPPER_BACK", "LOW_BACK", "SHOULDER", "ELBOW", "WRIST_HAND", "HIP",
          "KNEE", "ANKLE_FOOT", "HEAD", "OTHER"}) {
        List<Route> routes = rows(category, region, "emg chiro");
        assertThat(routes).as(category + " " + region).isNotEmpty();
      }
    }
  }

  static ItemReviewers item(String category, String regions, String description) {
    List<List<Route>> perRegion = new ArrayList<>();
    for (String region : regions == null ? new String[] {null} : regions.split(";")) {
      perRegion.add(rows(category, region, description.toLowerCase(Locale.ROOT)));
    }
    return new ItemReviewers(perRegion);
  }

  private static List<Route> rows(String category, String region, String description) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", category);
    inputs.put("bodyRegion", region);
    inputs.put("description", description);
    return engine.evaluateDecisionTable(decision, Variables.fromMap(inputs)).getResultList().stream()
        .map(row -> SpecialtyMatch.route(row)).toList();
  }

  private static List<String> reasons(PanelReviewer r, ItemReviewers item) {
    return QualificationRules.reasons(r, POLICY, TODAY, List.of(item), List.of());
  }

  private static PanelReviewer reviewer(Profession profession, List<String> board, List<Certification> dated) {
    return PanelReviewer.of(new ReviewerProfile("r", "R", profession, board, List.of(), dated,
        List.of(new License("CA", "A1", TODAY.plusYears(1))), 12, 30, List.of(), true).normalized(), 0);
  }
}
