package org.imrflow.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.imrflow.persistence.TransactionReads;
import org.imrflow.process.CaseProcess;
import org.springframework.stereotype.Component;

/**
 * A case's groups of items, one reviewer each (see {@link ReviewGroup}). Inside an instance of the
 * model's review-by-reviewer, {@code reviewGroup} says which group a task or event belongs to;
 * anywhere else (and for cases before groups) it is group 0.
 */
@Component
public class ReviewGroups {

  private final ReviewGroupRepository groups;
  private final CaseItemRepository items;

  ReviewGroups(ReviewGroupRepository groups, CaseItemRepository items) {
    this.groups = groups;
    this.items = items;
  }

  /** The groups as planned: the old ones go, these are the case's groups from now on. */
  public void plan(String caseNumber, List<List<Integer>> itemGroups) {
    groups.deleteByCaseNumber(caseNumber);
    groups.flush();
    List<ReviewGroup> planned = new ArrayList<>();
    for (int g = 0; g < itemGroups.size(); g++) {
      planned.add(groups.save(new ReviewGroup(caseNumber, g, itemGroups.get(g))));
    }
    inThisTransaction().put(caseNumber, planned);
  }

  public List<ReviewGroup> of(String caseNumber) {
    return inThisTransaction().computeIfAbsent(caseNumber, groups::findByCaseNumberOrderByGroupIndex);
  }

  /** The group that the task or execution reviews. */
  public ReviewGroup of(String caseNumber, VariableScope scope) {
    Integer index = CaseProcess.REVIEW_GROUP.from(scope);
    int g = index == null ? 0 : index;
    List<ReviewGroup> all = of(caseNumber);
    for (ReviewGroup group : all) {
      if (group.getGroupIndex() == g) {
        return group;
      }
    }
    ReviewGroup group = groups.save(new ReviewGroup(caseNumber, g, null));
    List<ReviewGroup> more = new ArrayList<>(all);
    more.add(group);
    inThisTransaction().put(caseNumber, more);
    return group;
  }

  /**
   * A case's groups as read once in this transaction: a step asks for them several times (guards, the
   * lifecycle, the re-screening), and each query would flush the session first. Outside a transaction,
   * read afresh every time.
   */
  private Map<String, List<ReviewGroup>> inThisTransaction() {
    return TransactionReads.of(this);
  }

  /** The group's items, every item of the case for a group made before groups had items. */
  public List<Integer> items(ReviewGroup group) {
    return group.items(() -> items.findByCaseNumberOrderByItemIndex(group.getCaseNumber()).size());
  }

  /** Everyone reviewing a group of the case now, in group order. */
  public List<String> reviewers(String caseNumber) {
    List<String> reviewers = new ArrayList<>();
    for (ReviewGroup g : of(caseNumber)) {
      if (g.getReviewerId() != null && !reviewers.contains(g.getReviewerId())) {
        reviewers.add(g.getReviewerId());
      }
    }
    return reviewers;
  }

  public boolean isReviewer(String caseNumber, String userId) {
    return userId != null && groups.existsByCaseNumberAndReviewerId(caseNumber, userId);
  }

  /** The reviewer's clinical case summary; group 0's is also the case's (the SLA board, reports). */
  public void summarize(ImrCase c, ReviewGroup group, String summary) {
    group.setCaseSummary(summary);
    if (group.getGroupIndex() == 0) {
      c.setCaseSummary(summary);
    }
  }

  public List<ImrCase> openCasesOf(String reviewerId) {
    return groups.findOpenCasesOf(reviewerId);
  }
}
