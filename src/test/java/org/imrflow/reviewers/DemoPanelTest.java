package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.imrflow.TestCases;
import org.imrflow.cases.Application;
import org.imrflow.cases.DisputedItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo panel (demo/panel.json) against the demo cases (demo/*.json) on the real specialty
 * table: every reviewer has a profession, every demo case has an eligible reviewer, and the
 * reviewers DemoData assigns are eligible for their cases (the assignment guard refuses others).
 */
class DemoPanelTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
  static List<PanelReviewer> panel;

  @BeforeAll
  static void load() throws Exception {
    WhoMayReviewTest.parse();
    try (InputStream in = DemoPanelTest.class.getResourceAsStream("/demo/panel.json")) {
      List<ReviewerProfile> profiles = MAPPER.readValue(in, new TypeReference<>() { });
      panel = profiles.stream().map(p -> PanelReviewer.of(p.normalized(), 0)).toList();
    }
    assertThat(panel).hasSizeGreaterThanOrEqualTo(12).allSatisfy(r -> assertThat(r.profession()).isNotNull());
  }

  @ParameterizedTest(name = "{0}: eligible include {1}")
  @CsvSource({
      "seed-pt-exceeds,            dr-okafor",
      "chiro-trial-within,         dr-patel",
      "chiro-knee-not-recommended, dr-patel",
      "acupuncture-no-improvement, lac-nguyen",
      "expedited-two-items,        dr-morales",
      "postsurgical-meniscectomy,  dr-chen",
      "mail-extension-on-time,     dr-okafor",
      "unsigned-cnc,               dr-okafor"})
  void everyDemoCaseHasEligibleReviewers(String demoCase, String assigned) throws Exception {
    ObjectNode json;
    try (InputStream in = DemoPanelTest.class.getResourceAsStream("/demo/" + demoCase + ".json")) {
      json = (ObjectNode) MAPPER.readTree(in);
    }
    Application application = TestCases.application(json);
    List<ItemReviewers> items = application.disputedItems().stream().map(DemoPanelTest::accepted).toList();
    List<CaseParty> parties = CaseParty.of(application);
    Map<String, List<String>> reasons = panel.stream().collect(Collectors.toMap(PanelReviewer::userId,
        r -> QualificationRules.reasons(r, new QualificationPolicy(5, 24, false), TODAY, items, parties)));
    assertThat(reasons.get(assigned)).as(assigned + " on " + demoCase).isEmpty();
  }

  /** The two-reviewer demo case: nobody may decide both items, and DemoData's surgeon may decide the first. */
  @Test
  void theTwoReviewerDemoCaseNeedsTwoReviewers() throws Exception {
    ObjectNode json;
    try (InputStream in = DemoPanelTest.class.getResourceAsStream("/demo/two-specialties.json")) {
      json = (ObjectNode) MAPPER.readTree(in);
    }
    Application application = TestCases.application(json);
    List<ItemReviewers> items = application.disputedItems().stream().map(DemoPanelTest::accepted).toList();
    List<CaseParty> parties = CaseParty.of(application);
    QualificationPolicy policy = new QualificationPolicy(5, 24, false);
    assertThat(panel).allSatisfy(r -> assertThat(QualificationRules.reasons(r, policy, TODAY, items, parties))
        .as(r.userId()).isNotEmpty());
    PanelReviewer chen = panel.stream().filter(r -> r.userId().equals("dr-chen")).findFirst().orElseThrow();
    PanelReviewer kim = panel.stream().filter(r -> r.userId().equals("dr-kim")).findFirst().orElseThrow();
    assertThat(QualificationRules.reasons(chen, policy, TODAY, List.of(items.get(0)), parties)).isEmpty();
    assertThat(QualificationRules.reasons(kim, policy, TODAY, List.of(items.get(1)), parties)).isEmpty();
  }

  private static ItemReviewers accepted(DisputedItem item) {
    String regions = item.bodyRegionsOrEmpty().isEmpty() ? null
        : item.bodyRegionsOrEmpty().stream().map(Enum::name).collect(Collectors.joining(";"));
    return WhoMayReviewTest.item(item.category().name(), regions, item.description().toLowerCase(Locale.ROOT));
  }
}
