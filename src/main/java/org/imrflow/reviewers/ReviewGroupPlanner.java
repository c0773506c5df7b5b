package org.imrflow.reviewers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code group-items-by-reviewer}: one group of every item when an eligible reviewer may decide them
 * all (nearly every case). Otherwise (a shoulder surgery and a psychological item) the items are
 * split, greedily, into as few groups as the panel allows: each time the group of the remaining
 * items that one eligible reviewer may decide most of. The coordinator assigns a reviewer per group.
 */
@Component("reviewGroupPlanner")
class ReviewGroupPlanner implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ReviewGroupPlanner.class);

  private final Cases cases;
  private final CaseItemRepository items;
  private final ReviewerCandidates candidates;
  private final ReviewGroups groups;

  ReviewGroupPlanner(Cases cases, CaseItemRepository items, ReviewerCandidates candidates, ReviewGroups groups) {
    this.cases = cases;
    this.items = items;
    this.candidates = candidates;
    this.groups = groups;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    List<Integer> disputed = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream()
        .filter(i -> !i.isAuthorized()).map(CaseItem::getItemIndex).toList();
    List<List<Integer>> planned = plan(c, disputed);
    groups.plan(c.getCaseNumber(), planned);
    CaseProcess.REVIEW_GROUPS.set(execution, CaseProcess.allItems(planned.size()));
    if (planned.size() > 1) {
      log.info("Case {}: no single eligible reviewer may decide every item; {} reviewers needed", c.getCaseNumber(),
          planned.size());
    }
  }

  List<List<Integer>> plan(ImrCase c, List<Integer> disputed) {
    if (disputed.size() < 2 || candidates.anyoneFits(c, disputed)) {
      return List.of(disputed);
    }
    // Who may decide each item, in the panel's ranking (so ties go to the better-placed reviewer).
    Map<String, List<Integer>> decidable = new LinkedHashMap<>();
    for (int item : disputed) {
      candidates.forItems(c, List.of(item)).stream().filter(Candidate::eligible)
          .forEach(r -> decidable.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(item));
    }
    List<List<Integer>> planned = new ArrayList<>();
    List<Integer> left = new ArrayList<>(disputed);
    while (!left.isEmpty()) {
      List<Integer> most = List.of();
      for (List<Integer> theirs : decidable.values()) {
        List<Integer> open = theirs.stream().filter(left::contains).toList();
        if (open.size() > most.size()) {
          most = open;
        }
      }
      if (most.isEmpty()) {
        // Nobody on the panel may decide these: one group, whose assignment says so until the panel changes.
        planned.add(List.copyOf(left));
        break;
      }
      planned.add(most);
      left.removeAll(most);
    }
    planned.sort(Comparator.comparing(group -> group.get(0)));
    return planned;
  }
}
