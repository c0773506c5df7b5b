package org.imrflow.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.ReviewGroup;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * When an instance of {@code review-by-reviewer} starts for a group of items: the group's reviewer
 * (none yet, or the one in place when a quality review returns items), the items to decide now (the
 * group's, or those of them a quality review returned) and the re-check results, all local to the
 * instance, so that two reviewers' tasks and gateways never read each other's.
 */
@Component("reviewGroupStart")
class ReviewGroupStart implements ExecutionListener {

  private final ReviewGroups groups;
  private final CaseItemRepository items;

  ReviewGroupStart(ReviewGroups groups, CaseItemRepository items) {
    this.groups = groups;
    this.items = items;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = CaseProcess.CASE_NUMBER.from(execution);
    ReviewGroup group = groups.of(caseNumber, execution);
    List<Integer> pending = CaseProcess.ITEMS_TO_DECIDE.from(execution.getProcessInstance());
    List<Integer> mine = new ArrayList<>();
    for (CaseItem item : items.findByCaseNumberOrderByItemIndex(caseNumber)) {
      if (group.covers(item.getItemIndex()) && pending.contains(item.getItemIndex()) && !item.isAuthorized()) {
        mine.add(item.getItemIndex());
      }
    }
    CaseProcess.REVIEWER_ID.setLocal(execution, group.getReviewerId());
    CaseProcess.ITEMS_TO_DECIDE.setLocal(execution, mine);
    CaseProcess.NO_CONFLICT.setLocal(execution, null);
    CaseProcess.REVIEWER_QUALIFIED.setLocal(execution, true);
    CaseProcess.REVIEWER_STANDING.setLocal(execution, "");
  }
}
