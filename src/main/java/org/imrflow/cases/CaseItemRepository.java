package org.imrflow.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.imrflow.persistence.EntityTable;
import org.imrflow.persistence.TransactionReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The disputed items of the cases, in table {@code case_item}. A case's items are read once per
 * transaction: the guards, the lifecycle, the guideline checks and the letters of one step each ask
 * for them, and the transaction holds the items it read (and their changes) anyway; an item added in
 * the transaction makes the next request read them again.
 */
@Component
public class CaseItemRepository extends EntityTable<CaseItem, Long> {

  public CaseItemRepository(JdbcTemplate jdbc) {
    super(jdbc, CaseItem.class, "case_item");
  }

  public List<CaseItem> findByCaseNumberOrderByItemIndex(String caseNumber) {
    Map<String, List<CaseItem>> read = readInThisTransaction();
    List<CaseItem> items = read.get(caseNumber);
    if (items == null) {
      items = query("select * from case_item where case_number = ? order by item_index", caseNumber);
      read.put(caseNumber, List.copyOf(items));
      return items;
    }
    return new ArrayList<>(items);
  }

  public Optional<CaseItem> findByCaseNumberAndItemIndex(String caseNumber, int itemIndex) {
    List<CaseItem> items = readInThisTransaction().get(caseNumber);
    if (items != null) {
      return items.stream().filter(i -> i.getItemIndex() == itemIndex).findFirst();
    }
    return queryOne("select * from case_item where case_number = ? and item_index = ?", caseNumber, itemIndex);
  }

  @Override
  public CaseItem insert(CaseItem item) {
    readInThisTransaction().remove(item.getCaseNumber());
    return super.insert(item);
  }

  @Override
  public void delete(String sql, Predicate<CaseItem> deleted, Object... args) {
    readInThisTransaction().clear();
    super.delete(sql, deleted, args);
  }

  /** The cases' items read in this transaction, by case; outside a transaction nothing is kept. */
  private Map<String, List<CaseItem>> readInThisTransaction() {
    return TransactionReads.of(this);
  }
}
