package org.imrflow.caseapi;

import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.Cases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.imrflow.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading a case and its audit trail (API.md §5). */
@RestController
@Tag(name = "Cases")
@RequestMapping("/api/cases/{caseNumber}")
class CaseController {

  private final Cases cases;
  private final CaseViews views;
  private final CaseAudit audit;
  private final Access access;

  CaseController(Cases cases, CaseViews views, CaseAudit audit, Access access) {
    this.cases = cases;
    this.views = views;
    this.audit = audit;
    this.access = access;
  }

  @Operation(operationId = "getCase", summary = "Read a case",
      description = "Its status, deadlines, reviewer, items with their guideline checks and determinations, and its letter. Coordinators and managers read every case, a reviewer only the cases assigned to them.")
  @GetMapping
  CaseView get(@PathVariable String caseNumber) {
    return views.of(cases.readable(caseNumber));
  }

  /** Coordinators and managers only: never shown to parties or reviewers. */
  @Operation(operationId = "getCaseAudit", summary = "Read the audit trail of a case",
      description = "Who did what to the case and when, oldest first. Coordinators, managers and administrators.")
  @GetMapping("/audit")
  List<CaseAudit.Entry> audit(@PathVariable String caseNumber) {
    access.requireStaff();
    return audit.trail(cases.get(caseNumber));
  }
}
