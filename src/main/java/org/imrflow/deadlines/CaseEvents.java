package org.imrflow.deadlines;

import jakarta.validation.Valid;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.EndReason;
import org.imrflow.process.CaseProcess;
import org.imrflow.web.ConflictException;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events that happen to a case from outside: a physician's certification that makes the review
 * expedited, the treatment authorized or the application withdrawn. Each is a message to the
 * case's process, which does the work in its event sub-processes.
 */
@Service
@Validated
public class CaseEvents {

  public record Expedite(@NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate certifiedOn,
      @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
  }

  public record Terminate(
      @NotNull(message = REASONS) @Pattern(regexp = "TREATMENT_AUTHORIZED|WITHDRAWN", message = REASONS) String reason,
      @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate on) {
  }

  private static final String REASONS = "must be TREATMENT_AUTHORIZED or WITHDRAWN";

  private final Cases cases;
  private final RuntimeService runtime;

  CaseEvents(Cases cases, RuntimeService runtime) {
    this.cases = cases;
    this.runtime = runtime;
  }

  @Transactional
  public void expedite(String caseNumber, @Valid @NotNull Expedite request) {
    ImrCase c = cases.get(caseNumber);
    requireUnderReview(c, "expedited");
    if (c.isExpedited()) {
      throw new ConflictException("Case " + caseNumber + " is already expedited");
    }
    runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_EXPEDITED)
        .processInstanceBusinessKey(caseNumber)
        .setVariableLocal(CaseProcess.CERTIFIED_ON.name(), CaseProcess.CERTIFIED_ON.stored(request.certifiedOn()))
        .correlateWithResult();
  }

  @Transactional
  public void terminate(String caseNumber, @Valid @NotNull Terminate request) {
    EndReason reason = EndReason.valueOf(request.reason());
    ImrCase c = cases.get(caseNumber);
    requireUnderReview(c, "terminated");
    runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_ENDED)
        .processInstanceBusinessKey(caseNumber)
        .setVariableLocal(CaseProcess.END_REASON.name(), reason.name())
        .setVariableLocal(CaseProcess.ENDED_ON.name(), CaseProcess.ENDED_ON.stored(request.on()))
        .correlateWithResult();
  }

  /** Only an eligible case whose letter has not gone out can change course. */
  private static void requireUnderReview(ImrCase c, String what) {
    if (c.getStatus() == CaseStatus.LETTER_SENT) {
      throw new ConflictException("Case " + c.getCaseNumber() + " cannot be " + what + ": its final letter was sent");
    }
    // A decided case in quality review has no letter yet: it can still end early or be expedited.
    boolean decidedForTheLetter = c.getDecidedOn() != null && c.getStatus() != CaseStatus.QUALITY_REVIEW;
    if (!c.isOpen() || c.getStatus() == CaseStatus.ELIGIBILITY_REVIEW || decidedForTheLetter) {
      throw new ConflictException("Case " + c.getCaseNumber() + " cannot be " + what + ": it is " + c.getStatus()
          + (c.getDecidedOn() != null ? " and decided" : ""));
    }
  }
}
