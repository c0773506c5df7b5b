package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.deadlines.CloseCaseEarly.EndReason;
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
public class CaseEvents {

  public record Expedite(LocalDate certifiedOn, String reason) {
  }

  public record Terminate(String reason, LocalDate on) {
  }

  private final Cases cases;
  private final RuntimeService runtime;
  private final BusinessClock clock;

  CaseEvents(Cases cases, RuntimeService runtime, BusinessClock clock) {
    this.cases = cases;
    this.runtime = runtime;
    this.clock = clock;
  }

  @Transactional
  public void expedite(String caseNumber, Expedite request) {
    List<FieldProblem> errors = new ArrayList<>();
    if (request == null || request.certifiedOn() == null) {
      errors.add(new FieldProblem("certifiedOn", "must not be null"));
    } else if (request.certifiedOn().isAfter(clock.today())) {
      errors.add(new FieldProblem("certifiedOn", "must not be in the future"));
    }
    if (request != null && request.reason() != null && request.reason().length() > 2000) {
      errors.add(new FieldProblem("reason", "must be at most 2000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ImrCase c = cases.get(caseNumber);
    requireUnderReview(c, "expedited");
    if (c.isExpedited()) {
      throw new ConflictException("Case " + caseNumber + " is already expedited");
    }
    runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_EXPEDITED)
        .processInstanceBusinessKey(caseNumber)
        .setVariableLocal(RecomputeDeadlines.CERTIFIED_ON, request.certifiedOn().toString())
        .correlateWithResult();
  }

  @Transactional
  public void terminate(String caseNumber, Terminate request) {
    List<FieldProblem> errors = new ArrayList<>();
    EndReason reason = null;
    if (request == null || request.reason() == null) {
      errors.add(new FieldProblem("reason", "must be TREATMENT_AUTHORIZED or WITHDRAWN"));
    } else {
      try {
        reason = EndReason.valueOf(request.reason());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldProblem("reason", "must be TREATMENT_AUTHORIZED or WITHDRAWN"));
      }
    }
    if (request == null || request.on() == null) {
      errors.add(new FieldProblem("on", "must not be null"));
    } else if (request.on().isAfter(clock.today())) {
      errors.add(new FieldProblem("on", "must not be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ImrCase c = cases.get(caseNumber);
    requireUnderReview(c, "terminated");
    runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_ENDED)
        .processInstanceBusinessKey(caseNumber)
        .setVariableLocal(CaseProcess.END_REASON.name(), reason.name())
        .setVariableLocal(CloseCaseEarly.ENDED_ON, request.on().toString())
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
