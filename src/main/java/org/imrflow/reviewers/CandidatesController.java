package org.imrflow.reviewers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.imrflow.cases.Cases;
import org.imrflow.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who may review a case, and why the others may not (API.md §6). */
@RestController
@Tag(name = "Reviewers")
class CandidatesController {

  private final ReviewerCandidates candidates;
  private final Cases cases;
  private final Access access;

  CandidatesController(ReviewerCandidates candidates, Cases cases, Access access) {
    this.candidates = candidates;
    this.cases = cases;
    this.access = access;
  }

  @Operation(operationId = "listReviewerCandidates", summary = "List the reviewers who could review a case",
      description = "Every active panel reviewer, eligible ones first, with the reasons why the others are not. Coordinators, managers and administrators.")
  @GetMapping("/api/cases/{caseNumber}/reviewer-candidates")
  List<Candidate> candidates(@PathVariable String caseNumber) {
    access.requireStaff();
    return candidates.forCase(cases.get(caseNumber));
  }
}
