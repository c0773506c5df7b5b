package org.imrflow.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * Before the reviewer decides the items: those the claims administrator authorized meanwhile (while
 * the reviewer was being assigned, attested or summarized) leave the list; none left, nothing to decide.
 */
@Component("itemsStillDisputed")
class ItemsStillDisputed implements ExecutionListener {

  private final CaseItemRepository items;

  ItemsStillDisputed(CaseItemRepository items) {
    this.items = items;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Set<Integer> authorized = items.findByCaseNumberOrderByItemIndex(CaseProcess.CASE_NUMBER.from(execution)).stream()
        .filter(CaseItem::isAuthorized).map(CaseItem::getItemIndex).collect(Collectors.toSet());
    List<Integer> toDecide = CaseProcess.ITEMS_TO_DECIDE.from(execution);
    if (toDecide != null && toDecide.stream().anyMatch(authorized::contains)) {
      CaseProcess.ITEMS_TO_DECIDE.set(execution, new ArrayList<>(toDecide.stream().filter(i -> !authorized.contains(i)).toList()));
    }
  }
}
