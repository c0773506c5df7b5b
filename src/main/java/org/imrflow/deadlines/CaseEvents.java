package org.imrflow.deadlines;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.EndReason;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.web.ConflictException;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

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
      @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate on,
      @io.swagger.v3.oas.annotations.media.Schema(description = "With TREATMENT_AUTHORIZED: the items authorized"
          + " (0-based indexes); they leave the review and the case goes on with the others. The case ends when"
          + " none is left. Absent: every item.")
      @Size(max = 50) List<@NotNull @Min(0) Integer> items) {

    public Terminate(String reason, LocalDate on) {
      this(reason, on, null);
    }
  }

  private static final String REASONS = "must be TREATMENT_AUTHORIZED or WITHDRAWN";

  private final Cases cases;
  private final RuntimeService runtime;
  private final CaseItemRepository items;
  private final TaskService tasks;
  private final CaseAudit audit;

  CaseEvents(Cases cases, RuntimeService runtime, CaseItemRepository items, TaskService tasks, CaseAudit audit) {
    this.items = items;
    this.tasks = tasks;
    this.audit = audit;
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
    List<CaseItem> all = items.findByCaseNumberOrderByItemIndex(caseNumber);
    List<CaseItem> named = namedItems(all, reason, request.items());
    requireUnderReview(c, "terminated");
    List<CaseItem> stillDisputed = all.stream()
        .filter(i -> !i.isAuthorized() && !named.contains(i)).toList();
    if (!named.isEmpty() && !stillDisputed.isEmpty()) {
      authorize(c, named, stillDisputed, request.on());
      return;
    }
    named.forEach(i -> i.authorize(request.on()));
    runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_ENDED)
        .processInstanceBusinessKey(caseNumber)
        .setVariableLocal(CaseProcess.END_REASON.name(), reason.name())
        .setVariableLocal(CaseProcess.ENDED_ON.name(), CaseProcess.ENDED_ON.stored(request.on()))
        .correlateWithResult();
  }

  /** The items a termination names, each existing and still disputed; none when it names none. */
  private static List<CaseItem> namedItems(List<CaseItem> all, EndReason reason, List<Integer> indexes) {
    if (indexes == null || indexes.isEmpty()) {
      return List.of();
    }
    if (reason != EndReason.TREATMENT_AUTHORIZED) {
      throw new InvalidInputException("items", "only an authorization (TREATMENT_AUTHORIZED) ends single items");
    }
    List<FieldProblem> errors = new ArrayList<>();
    List<CaseItem> named = new ArrayList<>();
    for (int k = 0; k < indexes.size(); k++) {
      int index = indexes.get(k);
      if (index >= all.size()) {
        errors.add(new FieldProblem("items[" + k + "]", "item " + index + " does not exist; this case has items 0 to "
            + (all.size() - 1)));
      } else if (all.get(index).isAuthorized()) {
        errors.add(new FieldProblem("items[" + k + "]", "item " + index + " was already authorized"));
      } else if (!named.contains(all.get(index))) {
        named.add(all.get(index));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return named;
  }

  /**
   * Some items authorized, others still disputed: the authorized ones leave the review (an open
   * decide-item task of theirs is completed on the claims administrator's behalf, deciding nothing)
   * and the review goes on with the others.
   */
  private void authorize(ImrCase c, List<CaseItem> named, List<CaseItem> stillDisputed, LocalDate on) {
    named.forEach(i -> i.authorize(on));
    runtime.setVariable(c.getProcessInstanceId(), CaseProcess.ITEMS_TO_DECIDE.name(),
        CaseProcess.ITEMS_TO_DECIDE.stored(stillDisputed.stream().map(CaseItem::getItemIndex).toList()));
    List<Integer> indexes = named.stream().map(CaseItem::getItemIndex).toList();
    for (Task task : tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId())
        .taskDefinitionKey(CaseProcess.Element.DECIDE_ITEM.id).list()) {
      if (indexes.contains((Integer) tasks.getVariableLocal(task.getId(), CaseProcess.ITEM_INDEX.name()))) {
        tasks.complete(task.getId());
      }
    }
    audit.record(c.getCaseNumber(), CaseAction.ITEM_AUTHORIZED, "item(s) " + String.join(", ",
        indexes.stream().map(i -> String.valueOf(i + 1)).toList()) + " authorized by the claims administrator on "
        + on + "; " + stillDisputed.size() + " item(s) still in review");
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
