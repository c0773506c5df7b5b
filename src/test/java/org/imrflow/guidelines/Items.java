package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.imrflow.cases.DisputedItem.Procedure;
import org.imrflow.cases.DisputedItem.Surgery;

/** Disputed items for unit tests: a builder with the facts the checks count. */
final class Items {

  private String description = "Therapy";
  private final Category category;
  private List<BodyRegion> regions = List.of();
  private Condition condition;
  private Integer requested;
  private Integer completed;
  private Surgery surgery;
  private Boolean improvement;

  private Items(Category category) {
    this.category = category;
  }

  static Items of(Category category) {
    return new Items(category);
  }

  Items description(String description) {
    this.description = description;
    return this;
  }

  Items regions(BodyRegion... regions) {
    this.regions = List.of(regions);
    return this;
  }

  Items condition(Condition condition) {
    this.condition = condition;
    return this;
  }

  /** Visits requested and visits already completed or authorized (null: not stated). */
  Items visits(Integer requested, Integer completed) {
    this.requested = requested;
    this.completed = completed;
    return this;
  }

  Items improvement(Boolean documented) {
    this.improvement = documented;
    return this;
  }

  Items surgery(Procedure procedure, LocalDate date) {
    this.surgery = new Surgery(procedure, date);
    return this;
  }

  DisputedItem build() {
    return new DisputedItem(description, category, regions, condition, requested, completed, surgery, improvement, null);
  }
}
