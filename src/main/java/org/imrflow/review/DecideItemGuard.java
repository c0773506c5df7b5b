package org.imrflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.Cases;
import org.imrflow.cases.Determination;
import org.imrflow.cases.ImrCase;
import org.imrflow.guidelines.GuidelineCheck;
import org.imrflow.guidelines.ItemGuidelines;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.imrflow.reviewers.ReviewerStanding;
import org.imrflow.security.Groups;
import org.springframework.stereotype.Component;

/**
 * {@code decide-item}: when it opens, the task carries its item's index; when it completes, the facts
 * the reviewer stated are kept with the item, and either the check is asked to run again on them
 * ({@code recheck}) or the determination, the organization's guideline and the rationale are required
 * and kept with the item, beside the check re-run on the stated facts.
 */
@Component("decideItemGuard")
class DecideItemGuard implements TaskListener {

  static final int MAX_RATIONALE = 20_000;

  private final Cases cases;
  private final CaseItemRepository items;
  private final CaseAudit audit;
  private final BusinessClock clock;

  private final ItemGuidelines guidelines;
  private final ReviewerStanding standing;

  DecideItemGuard(Cases cases, CaseItemRepository items, CaseAudit audit, BusinessClock clock,
      ItemGuidelines guidelines, ReviewerStanding standing) {
    this.standing = standing;
    this.cases = cases;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
    this.guidelines = guidelines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // The item's index, from decide-items' list (all items, or those a quality review returned).
      int index = CaseProcess.ITEM_INDEX.from(task);
      CaseProcess.ITEM_INDEX.setLocal(task, index);
      // Told apart in the task list by number only: task names reach the logs, item descriptions must not.
      Integer items = CaseProcess.ITEM_COUNT.from(task);
      if (items != null && items > 1) {
        task.setName(task.getName() + " " + (index + 1) + " of " + items);
      }
      return;
    }
    TaskInput input = TaskInput.of(task);
    try {
      complete(task, input);
    } finally {
      // Kept with the item, or refused: removed before the engine would write them.
      input.forget(CaseProcess.DETERMINATION, CaseProcess.IMRO_GUIDELINE, CaseProcess.RATIONALE, CaseProcess.RECHECK,
          CaseProcess.CLINICAL_FACTS);
    }
  }

  private void complete(DelegateTask task, TaskInput input) {
    Authentication who =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who != null && who.getGroupIds() != null && who.getGroupIds().contains(Groups.QUALITY_REVIEWERS)) {
      // Quality reviewers check determinations; deciding one themselves would leave nobody checking it.
      input.refuse("a quality reviewer does not decide items");
    }
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    int index = CaseProcess.ITEM_INDEX.from(task);
    CaseItem item = items.findByCaseNumberAndItemIndex(c.getCaseNumber(), index).orElseThrow();
    if (item.isAuthorized()) {
      // Authorized by the claims administrator while the task was open (CaseEvents): nothing to decide.
      CaseProcess.ITEM_RECHECK.set(task.getExecution(), false);
      decidedWhenSettled(c);
      return;
    }
    input.check();
    if (!standing.recheck(task)) {
      // Nothing is decided by a reviewer who no longer qualifies: the case goes back to assignment.
      CaseProcess.ITEM_RECHECK.set(task.getExecution(), false);
      return;
    }
    // The facts as stated in the form are kept with the item (the check runs on them), or the completion is
    // refused. A completion without the field (a REST client) leaves the facts stated before as they are.
    if (CaseProcess.CLINICAL_FACTS.raw(task) instanceof String text) {
      guidelines.state(item, text).forEach(problem -> input.refuse(CaseProcess.CLINICAL_FACTS.name() + ", " + problem));
    }
    Object recheck = CaseProcess.RECHECK.raw(task);
    if (Boolean.TRUE.equals(recheck) || "true".equals(recheck)) {
      input.check();
      CaseProcess.ITEM_RECHECK.set(task.getExecution(), true);
      audit.record(c.getCaseNumber(), CaseAction.FACTS_STATED, "item " + (index + 1) + ": "
          + guidelines.facts(item).size() + " facts stated, guideline check re-run, by " + task.getAssignee());
      return;
    }
    Determination determination = input.choice(CaseProcess.DETERMINATION, Determination.class);
    String guideline = input.text(CaseProcess.IMRO_GUIDELINE, 2000);
    String rationale = input.text(CaseProcess.RATIONALE, MAX_RATIONALE);
    input.check();
    // The check kept with the decision is the one on the facts kept with it.
    GuidelineCheck check = guidelines.check(c, item);
    CaseProcess.ITEM_RECHECK.set(task.getExecution(), false);
    item.decide(determination, guideline, rationale, task.getAssignee(), clock.now());
    decidedWhenSettled(c);
    audit.record(c.getCaseNumber(), CaseAction.DECIDED, "item " + (index + 1) + " " + determination.label().toLowerCase()
        + " by " + task.getAssignee() + "; guideline check " + check.verdict() + " on "
        + guidelines.facts(item).size() + " stated facts");
  }

  /** The case is decided the day its last item is settled (decided, or authorized on the way). */
  private void decidedWhenSettled(ImrCase c) {
    if (items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream().allMatch(CaseItem::isSettled)) {
      c.setDecidedOn(clock.today());
    }
  }
}
