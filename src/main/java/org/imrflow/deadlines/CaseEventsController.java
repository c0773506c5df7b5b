package org.imrflow.deadlines;

import org.imrflow.cases.CaseView;
import org.imrflow.cases.CaseViews;
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

  @PostMapping("/expedite")
  CaseView expedite(@PathVariable String caseNumber, @RequestBody CaseEvents.Expedite request) {
    access.requireStaff();
    RetryOnConflict.run(caseNumber, () -> events.expedite(caseNumber, request));
    return views.of(cases.get(caseNumber));
  }

  @PostMapping("/terminate")
  CaseView terminate(@PathVariable String caseNumber, @RequestBody CaseEvents.Terminate request) {
    access.requireStaff();
    RetryOnConflict.run(caseNumber, () -> events.terminate(caseNumber, request));
    return views.of(cases.get(caseNumber));
  }
}
