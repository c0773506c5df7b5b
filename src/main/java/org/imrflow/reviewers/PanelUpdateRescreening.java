package org.imrflow.reviewers;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.imrflow.cases.CaseRepository;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a reviewer's profile changes, their open reviews are screened again: a conflict with a
 * party (a new affiliation) sends the case back to assignment at once, without that reviewer (the
 * model's "Conflict found" events). A lapsed license waits for the reviewer's next attestation or
 * decision (ReviewerStanding), when the reviewer would act on it.
 */
@Component
class PanelUpdateRescreening {

  private static final Logger log = LoggerFactory.getLogger(PanelUpdateRescreening.class);

  private final CaseRepository cases;
  private final ReviewerCandidates candidates;
  private final RuntimeService runtime;

  PanelUpdateRescreening(CaseRepository cases, ReviewerCandidates candidates, RuntimeService runtime) {
    this.cases = cases;
    this.candidates = candidates;
    this.runtime = runtime;
  }

  void rescreen(String reviewerId) {
    for (ImrCase c : cases.findByReviewerIdAndOpenTrue(reviewerId)) {
      if (c.getStatus() != CaseStatus.IN_REVIEW) {
        continue;
      }
      List<String> conflicts = candidates.check(c, reviewerId).reasons().stream()
          .filter(reason -> reason.startsWith("CONFLICT_")).toList();
      if (!conflicts.isEmpty()) {
        runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEWER_CONFLICT_FOUND)
            .processInstanceBusinessKey(c.getCaseNumber())
            .setVariable(CaseProcess.REVIEWER_STANDING.name(), String.join(", ", conflicts))
            .correlateAll();
        log.info("Case {}: reviewer {} now conflicts ({}), back to assignment", c.getCaseNumber(), reviewerId, conflicts);
      }
    }
  }
}
