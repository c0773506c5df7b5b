package org.imrflow.caseapi;

import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.cases.Application;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.apidocs.ApiRefusal;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.util.List;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.RetryOnConflict;
import org.imrflow.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications for IMR and the medical records that follow them (API.md §5). */
@RestController
@Tag(name = "Cases")
@RequestMapping("/api/cases")
class IntakeController {

  private final Intake intake;
  private final Records records;
  private final Cases cases;
  private final CaseViews views;
  private final Access access;

  IntakeController(Intake intake, Records records, Cases cases, CaseViews views, Access access) {
    this.intake = intake;
    this.records = records;
    this.cases = cases;
    this.views = views;
    this.access = access;
  }

  @Operation(operationId = "applyForReview", summary = "Apply for Independent Medical Review",
      description = "Takes in an Application for IMR, assigns its case number and screens its eligibility. "
          + "A disputed item already under review in an open case for the same claim number (same description, "
          + "compared ignoring case and spacing) is left out of the case and listed in `refusedItems` (additive: "
          + "`index` in the application as posted, `description`, `reason` `DUPLICATE`, `openCase`); the other "
          + "items go ahead. Coordinators and administrators.")
  @ApiRefusal(status = "409", when = "An identical application (same claim number, UR decision date and item descriptions) is still open, or every disputed item is under review in an open case: the answer names that case.")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<IntakeAnswer> apply(@RequestBody Application application) {
    access.requireCoordinatorOrAdmin();
    Intake.Result result = intake.take(application);
    ImrCase c = result.imrCase();
    return ResponseEntity.created(URI.create("/api/cases/" + c.getCaseNumber()))
        .body(new IntakeAnswer(views.of(cases.get(c.getCaseNumber())), result.refusedItems()));
  }

  /** The case as {@code GET} answers it, and the items intake refused (API.md §5, extended additively). */
  record IntakeAnswer(@JsonUnwrapped CaseView caseView, List<Intake.RefusedItem> refusedItems) {
  }

  @Operation(operationId = "receiveRecords", summary = "Record medical records received",
      description = "`complete: true` starts the determination clock. Coordinators, managers and administrators.")
  @ApiRefusal(status = "409", when = "The case takes no records in its present state.")
  @PostMapping("/{caseNumber}/records")
  CaseView records(@PathVariable String caseNumber, @RequestBody RecordsReceipt receipt) {
    access.requireStaff();
    cases.readable(caseNumber);
    RetryOnConflict.run(caseNumber, () -> records.receive(caseNumber, receipt));
    return views.of(cases.get(caseNumber));
  }
}
