package org.imrflow.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.imrflow.persistence.Id;

/**
 * The items of a case that one reviewer decides, and who that is. A case has one group unless no
 * single eligible reviewer may decide every item (a surgery and a psychological item): then each
 * group has its own reviewer, who attests, summarizes and decides the group's items.
 */
public class ReviewGroup {

  @Id(generated = true)
  private Long id;

  private String caseNumber;
  private int groupIndex;
  /** Comma-separated item indexes; null: every item of the case (the cases before groups). */
  private String itemIndexes;
  private String reviewerId;
  private LocalDate assignedOn;
  private String caseSummary;

  protected ReviewGroup() {
  }

  /** {@code items} null: every item of the case. */
  public ReviewGroup(String caseNumber, int groupIndex, List<Integer> items) {
    this.caseNumber = caseNumber;
    this.groupIndex = groupIndex;
    this.itemIndexes = items == null ? null : items.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** The group's items; the case's item count is asked only for a group of every item. */
  public List<Integer> items(IntSupplier itemCount) {
    if (itemIndexes == null) {
      return IntStream.range(0, itemCount.getAsInt()).boxed().toList();
    }
    return itemIndexes.isEmpty() ? List.of() : Arrays.stream(itemIndexes.split(",")).map(Integer::valueOf).toList();
  }

  /** Whether the item is one of the group's (any item, for a group of every item). */
  public boolean covers(int itemIndex) {
    return itemIndexes == null || items(() -> 0).contains(itemIndex);
  }

  void assign(String reviewerId, LocalDate on) {
    this.reviewerId = reviewerId;
    this.assignedOn = on;
  }

  /** The reviewer left (lapsed, or in conflict): the next one summarizes again. */
  void unassign() {
    this.reviewerId = null;
    this.assignedOn = null;
    this.caseSummary = null;
  }

  void setCaseSummary(String caseSummary) { this.caseSummary = caseSummary; }

  public String getCaseNumber() { return caseNumber; }
  public int getGroupIndex() { return groupIndex; }
  public String getReviewerId() { return reviewerId; }
  public LocalDate getAssignedOn() { return assignedOn; }
  public String getCaseSummary() { return caseSummary; }
}
