package org.imrflow.guidelines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Application;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Runs the guideline check for one disputed item before the reviewer decides it, with the MTUS in
 * force on the UR decision date. The result is kept with the item and shown in {@code decide-item}.
 */
@Component("checkGuidelines")
class CheckGuidelines implements JavaDelegate {

  private final Cases cases;
  private final CaseItemRepository items;
  private final GuidelineChecks checks;
  private final CaseJson json;
  private final GuidelineForm form;

  CheckGuidelines(Cases cases, CaseItemRepository items, GuidelineChecks checks, CaseJson json, GuidelineForm form) {
    this.cases = cases;
    this.items = items;
    this.checks = checks;
    this.json = json;
    this.form = form;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    int index = CaseProcess.ITEM_INDEX.from(execution);
    CaseItem item = items.findByCaseNumberAndItemIndex(c.getCaseNumber(), index)
        .orElseThrow(() -> new IllegalStateException("case " + c.getCaseNumber() + " has no item " + index));
    Application application = json.application(c);
    DisputedItem disputed = json.item(item);
    GuidelineCheck check = checks.check(disputed, application.employee().dateOfInjury(), c.getUrDecisionDate());
    item.setGuidelineCheck(json.write(check));
    CaseProcess.ITEM_INDEX.setLocal(execution, index);
    form.show(execution, disputed, check);
  }
}
