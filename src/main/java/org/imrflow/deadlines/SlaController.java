package org.imrflow.deadlines;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.imrflow.security.Access;
import org.imrflow.web.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SLA board's data (API.md §5): managers and administrators. Read by the Cockpit SLA board plugin too. */
@RestController
@Tag(name = "SLA and reports")
class SlaController {

  private final SlaBoard board;
  private final Access access;

  SlaController(SlaBoard board, Access access) {
    this.board = board;
    this.access = access;
  }

  @Operation(operationId = "listSlaBoard", summary = "List open cases by urgency",
      description = "The SLA board: open cases, most urgent first, a page at a time. Managers and administrators.")
  @GetMapping("/api/sla")
  List<SlaBoard.Row> sla(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    access.requireManager();
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      throw new InvalidInputException("size", "must be between 1 and 500");
    }
    return board.page(page, size);
  }

  /** Open cases per state, for the Cockpit dashboard tile: three count queries, no rows. */
  @Operation(operationId = "getSlaSummary", summary = "Count open cases per SLA state",
      description = "Managers and administrators.")
  @GetMapping("/api/sla/summary")
  SlaBoard.Summary summary() {
    access.requireManager();
    return board.summary();
  }
}
