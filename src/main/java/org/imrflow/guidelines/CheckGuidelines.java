package org.imrflow.guidelines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Runs the guideline check for one disputed item before the reviewer decides it, with the MTUS in
 * force on the UR decision date and the facts the reviewer has stated so far. The result is kept with
 * the item and shown in {@code decide-item}, with the facts to state; it runs again when the reviewer
 * asks for a re-check on new facts.
 */
@Component("checkGuidelines")
class CheckGuidelines implements JavaDelegate {

  private final Cases cases;
  private final CaseItemRepository items;
  private final ItemGuidelines guidelines;

  CheckGuidelines(Cases cases, CaseItemRepository items, ItemGuidelines guidelines) {
    this.cases = cases;
    this.items = items;
    this.guidelines = guidelines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    int index = CaseProcess.ITEM_INDEX.from(execution);
    CaseItem item = items.findByCaseNumberAndItemIndex(c.getCaseNumber(), index)
        .orElseThrow(() -> new IllegalStateException("case " + c.getCaseNumber() + " has no item " + index));
    // Kept with the item: decide-item's form shows it when it loads (GuidelineForm).
    guidelines.check(c, item);
    // Local to this item's instance, so that the guard's answer reaches this item's gateway only.
    CaseProcess.ITEM_RECHECK.setLocal(execution, false);
  }
}
