package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change of one reviewer updates that reviewer in the prepared panel and shares every other
 * reviewer with the copy before (no reload of the whole panel), and the result is what a full
 * reload gives; a change of the whole panel or a version with no recorded change reloads it all.
 */
@IntegrationTest
class ReviewerPanelChangesTest {

  @Autowired ReviewerPanel panel;
  @Autowired ReviewerPanelService service;
  @Autowired ReviewerCandidates candidates;
  @Autowired JdbcTemplate jdbc;
  @Autowired Intake intake;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Cases cases;

  @Test
  void oneReviewersChangeUpdatesThatReviewerOnly() {
    ReviewerPanel.Snapshot before = panel.current();
    PanelReviewer okafor = before.byId().get("dr-okafor");
    ReviewerProfile p = okafor.profile();
    int hours = p.activePracticeHoursPerWeek() == null ? 30 : p.activePracticeHoursPerWeek();
    try {
      service.update("dr-okafor", new ReviewerProfile(p.userId(), p.name(), p.boardCertifications(), p.subspecialties(),
          p.licenses(), p.yearsInPractice(), hours + 1, p.affiliations(), p.active()));
      ReviewerPanel.Snapshot after = panel.current();

      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.byId().get("dr-okafor").profile().activePracticeHoursPerWeek()).isEqualTo(hours + 1);
      before.byId().forEach((id, r) -> {
        if (!id.equals("dr-okafor")) {
          assertThat(after.byId().get(id)).as(id + " kept, not reloaded").isSameAs(r);
        }
      });
      List<PanelReviewer> sorted = new ArrayList<>(after.byWorkload());
      sorted.sort(ReviewerPanel.WORKLOAD);
      assertThat(after.byWorkload()).containsExactlyElementsOf(sorted);
      assertThat(new ArrayList<>(after.byId().keySet())).containsExactlyElementsOf(before.byId().keySet());

      candidates.panelChanged();
      ReviewerPanel.Snapshot reloaded = panel.current();
      assertThat(reloaded.byId().get("dr-chen")).isNotSameAs(after.byId().get("dr-chen"));
      assertThat(reloaded.byWorkload()).containsExactlyElementsOf(after.byWorkload());
    } finally {
      service.update("dr-okafor", p);
    }
  }

  @Test
  void aVersionWithoutItsChangeReloadsTheWholePanel() {
    ReviewerPanel.Snapshot before = panel.current();
    // What a bulk load does: the version moves, no change row says which reviewer.
    jdbc.update("update reviewer_panel_version set version = version + 1 where id = 1");
    ReviewerPanel.Snapshot after = panel.current();
    assertThat(after.byId().get("dr-chen")).isNotSameAs(before.byId().get("dr-chen")).isEqualTo(before.byId().get("dr-chen"));
  }

  @Test
  void anAssignedReviewersOpenCasesAreCountedAgain() {
    ReviewerPanel.Snapshot before = panel.current();
    int open = before.byId().get("dr-haddad").openCases();
    String caseNumber = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds"))).getCaseNumber();
    assign(caseNumber, "dr-haddad");
    candidates.reviewerChanged("dr-haddad");
    ReviewerPanel.Snapshot after = panel.current();
    assertThat(after.byId().get("dr-haddad").openCases()).isEqualTo(open + 1);
    assertThat(after.byId().get("dr-chen")).isSameAs(before.byId().get("dr-chen"));
    // Other tests rank dr-haddad too: the case goes back to awaiting a reviewer.
    assign(caseNumber, null);
    candidates.reviewerChanged("dr-haddad");
    assertThat(panel.current().byId().get("dr-haddad").openCases()).isEqualTo(open);
  }

  @Test
  void aReviewerOfALaterGroupOnlyCountsThatCaseAsOpen() {
    int open = panel.current().byId().get("dr-haddad").openCases();
    String caseNumber = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds"))).getCaseNumber();
    // Two reviewers needed: another reviewer has the first group, dr-haddad the second one.
    assign(caseNumber, "dr-chen");
    jdbc.update("insert into review_group (case_number, group_index, reviewer_id) values (?, 1, ?)", caseNumber,
        "dr-haddad");
    candidates.reviewerChanged("dr-haddad");
    assertThat(panel.current().byId().get("dr-haddad").openCases()).isEqualTo(open + 1);

    jdbc.update("update imr_case set is_open = false where case_number = ?", caseNumber);
    candidates.reviewerChanged("dr-haddad");
    assertThat(panel.current().byId().get("dr-haddad").openCases()).isEqualTo(open);
    candidates.reviewerChanged("dr-chen");
  }

  @Test
  void whatTheChangingTransactionReadsBeforeItsCaseRowsAreWrittenIsNotKept() {
    int open = panel.current().byId().get("dr-haddad").openCases();
    String caseNumber = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds"))).getCaseNumber();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      candidates.reviewerChanged("dr-haddad");
      // A listener of the same transaction matching reviewers (the assignment form after a declared conflict)...
      panel.current();
      // ...before the case row is written (at the next query or the commit).
      assign(caseNumber, "dr-haddad");
    });
    assertThat(panel.current().byId().get("dr-haddad").openCases()).isEqualTo(open + 1);
    assign(caseNumber, null);
    candidates.reviewerChanged("dr-haddad");
  }

  @Test
  void aPreparedRankingFollowsThePanelsChangesAsAFreshScreeningWould() {
    ImrCase c = cases.get(intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds")))
        .getCaseNumber());
    List<String> open = new ArrayList<>();
    try {
      candidates.forCase(c);
      // Several versions between two matches of this case, another case's match in between, and one
      // change seen first by the transaction that makes it (not kept).
      for (String reviewer : List.of("dr-haddad", "dr-okafor", "dr-chen", "dr-haddad")) {
        String other = intake.apply(TestCases.application(TestCases.unique("seed-pt-exceeds"))).getCaseNumber();
        open.add(other);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
          candidates.reviewerChanged(reviewer);
          candidates.forCase(c);
          assign(other, reviewer);
        });
        if (reviewer.equals("dr-okafor")) {
          candidates.forCase(cases.get(other));
        }
      }
      List<String> replayed = candidates.forCase(c).stream().map(ReviewerPanelChangesTest::line).toList();
      candidates.panelChanged();
      List<String> fresh = candidates.forCase(c).stream().map(ReviewerPanelChangesTest::line).toList();
      assertThat(replayed).containsExactlyElementsOf(fresh);
      assertThat(replayed).anySatisfy(line -> assertThat(line).startsWith("dr-haddad "));
      // The case's own conflict (dr-rivera works for its claims administrator) moves a reviewer into the
      // ineligible ones, in the ranking's order.
      List<Candidate> ranked = candidates.forCase(c);
      assertThat(ranked).isSortedAccordingTo(ReviewerCandidates.RANKING);
      assertThat(ranked).filteredOn(r -> r.userId().equals("dr-rivera")).singleElement()
          .satisfies(r -> assertThat(r.reasons()).contains("CONFLICT_CLAIMS_ADMINISTRATOR"))
          .satisfies(r -> assertThat(r.eligible()).isFalse());
    } finally {
      for (String other : open) {
        assign(other, null);
      }
      candidates.panelChanged();
    }
  }

  private static String line(Candidate c) {
    return c.userId() + " " + c.eligible() + " " + c.reasons() + " " + c.openCases() + " " + c.californiaLicensed();
  }

  /** What CaseLifecycle writes when a case's (only) group of items is assigned, or its reviewer leaves. */
  private void assign(String caseNumber, String reviewerId) {
    if (jdbc.update("update review_group set reviewer_id = ? where case_number = ?", reviewerId, caseNumber) == 0) {
      jdbc.update("insert into review_group (case_number, group_index, reviewer_id) values (?, 0, ?)", caseNumber, reviewerId);
    }
    jdbc.update("update imr_case set reviewer_id = ? where case_number = ?", reviewerId, caseNumber);
  }
}
