package org.imrflow.caseapi;

import org.imrflow.deadlines.CaseEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.apidocs.ApiRefusal;
import org.imrflow.caseapi.CaseView;
import org.imrflow.caseapi.CaseViews;
import org.imrflow.cases.Cases;
import org.imrflow.process.RetryOnConflict;
import org.imrflow.security.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Expedite or end a review (API.md §5). */
@RestController
@Tag(name = "Cases")
@RequestMapping("/api/cases/{caseNumber}")
class CaseEventsController {

  private final CaseEvents events;
  private final Cases cases;
  private final CaseViews views;
  private final Access access;

  CaseEventsController(CaseEvents events, Cases cases, CaseViews views, Access access) {
    this.events = events;
    this.cases = cases;
    this.views = views;
    this.access = access;
  }

  @Operation(operationId = "expediteCase", summary = "Expedite a case",
      description = "The treating physician certified an imminent and serious threat: the review becomes expedited and its deadlines are recomputed. Coordinators, managers and administrators.")
  @ApiRefusal(status = "409", when = "The case is already expedited, or its final letter was sent, or it has ended.")
  @PostMapping("/expedite")
  CaseView expedite(@PathVariable String caseNumber, @RequestBody CaseEvents.Expedite request) {
    access.requireStaff();
    RetryOnConflict.run(caseNumber, () -> events.expedite(caseNumber, request));
    return views.of(cases.get(caseNumber));
  }

  @Operation(operationId = "terminateCase", summary = "End a case early",
      description = "The claims administrator authorized the treatment, or the employee withdrew: open tasks end and the parties get a notice. Coordinators, managers and administrators.")
  @ApiRefusal(status = "409", when = "The final letter was sent, or the case has already ended.")
  @PostMapping("/terminate")
  CaseView terminate(@PathVariable String caseNumber, @RequestBody CaseEvents.Terminate request) {
    access.requireStaff();
    RetryOnConflict.run(caseNumber, () -> events.terminate(caseNumber, request));
    return views.of(cases.get(caseNumber));
  }
}
