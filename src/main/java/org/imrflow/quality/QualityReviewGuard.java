package org.imrflow.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.imrflow.security.Groups;
import org.springframework.stereotype.Component;

/**
 * {@code quality-review} completes only with an outcome; a return needs comments and at least one
 * item of the case. Only a quality reviewer, never the case's own reviewer, completes it. A return
 * sends exactly the returned items through decide-items again.
 */
@Component("qualityReviewGuard")
class QualityReviewGuard implements TaskListener {

  static final int MAX_COMMENTS = 4000;

  private final Cases cases;
  private final CaseItemRepository items;
  private final IdentityService identity;
  private final ReviewGroups groups;
  private final ObjectMapper mapper = new ObjectMapper();

  QualityReviewGuard(Cases cases, CaseItemRepository items, IdentityService identity, ReviewGroups groups) {
    this.groups = groups;
    this.cases = cases;
    this.items = items;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    TaskInput input = TaskInput.of(task);
    Authentication who = identity.getCurrentAuthentication();
    if (who != null) {
      if (who.getGroupIds() == null || !who.getGroupIds().contains(Groups.QUALITY_REVIEWERS)) {
        input.refuse("only a quality reviewer (group " + Groups.QUALITY_REVIEWERS + ") completes a quality review");
      } else if (groups.isReviewer(c.getCaseNumber(), who.getUserId())) {
        input.refuse("the case's own reviewer cannot review its quality");
      }
    }
    QaOutcome outcome = input.choice(CaseProcess.QA_OUTCOME, QaOutcome.class);
    String comments = input.optionalText(CaseProcess.QA_COMMENTS, MAX_COMMENTS);
    var caseItems = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber());
    Set<Integer> authorized = caseItems.stream().filter(CaseItem::isAuthorized)
        .map(CaseItem::getItemIndex).collect(Collectors.toSet());
    List<Integer> returned = returnedItems(input, CaseProcess.QA_RETURNED_ITEMS.raw(task), caseItems.size(), authorized);
    if (outcome == QaOutcome.RETURNED) {
      if (comments == null) {
        input.refuse("qaComments is required when items are returned: say what the reviewer should change");
      }
      if (returned != null && returned.isEmpty()) {
        input.refuse("qaReturnedItems is required when items are returned: at least one item index (0-based)");
      }
    } else if (outcome == QaOutcome.APPROVED && returned != null && !returned.isEmpty()) {
      input.refuse("qaReturnedItems must be empty when the determination is approved");
    }
    input.check();
    if (outcome == QaOutcome.RETURNED) {
      CaseProcess.ITEMS_TO_DECIDE.set(task.getExecution().getProcessInstance(), new ArrayList<>(returned));
    }
  }

  /**
   * The returned items' 0-based indexes, without repeats: a Json array (what Tasklist's checklist
   * submits), a String holding one, or a list. Null (with the problem noted) when unreadable.
   */
  private List<Integer> returnedItems(TaskInput input, Object value, int itemCount, Set<Integer> authorized) {
    String name = CaseProcess.QA_RETURNED_ITEMS.name();
    JsonNode node;
    try {
      if (value == null) {
        return List.of();
      } else if (value instanceof SpinJsonNode spin) {
        node = mapper.readTree(spin.toString());
      } else if (value instanceof String text) {
        node = text.isBlank() ? mapper.createArrayNode() : mapper.readTree(text);
      } else if (value instanceof Collection<?> list) {
        node = mapper.valueToTree(list);
      } else {
        node = mapper.valueToTree(value);
      }
    } catch (Exception unreadable) {
      input.refuse(name + " must be a JSON array of item indexes, e.g. [0]");
      return null;
    }
    if (node == null || !node.isArray()) {
      input.refuse(name + " must be a JSON array of item indexes, e.g. [0]");
      return null;
    }
    TreeSet<Integer> indexes = new TreeSet<>();
    for (JsonNode element : node) {
      String text = element.asText().trim();
      if (!(element.isIntegralNumber() || (element.isTextual() && text.matches("\\d{1,6}")))) {
        input.refuse(name + ": " + element + " is not an item index (0-based whole number)");
        return null;
      }
      int index = Integer.parseInt(text);
      if (index < 0 || index >= itemCount) {
        input.refuse(name + ": item " + index + " does not exist; this case has items 0 to " + (itemCount - 1));
        return null;
      }
      if (authorized.contains(index)) {
        input.refuse(name + ": item " + index + " was authorized by the claims administrator; it is not in dispute");
        return null;
      }
      indexes.add(index);
    }
    return new ArrayList<>(indexes);
  }
}
