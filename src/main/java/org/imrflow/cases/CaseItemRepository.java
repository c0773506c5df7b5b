package org.imrflow.cases;

import java.util.List;
import java.util.Optional;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The disputed items of the cases, in table {@code case_item}. */
@Component
public class CaseItemRepository extends EntityTable<CaseItem, Long> {

  public CaseItemRepository(JdbcTemplate jdbc) {
    super(jdbc, CaseItem.class, "case_item");
  }

  public List<CaseItem> findByCaseNumberOrderByItemIndex(String caseNumber) {
    return query("select * from case_item where case_number = ? order by item_index", caseNumber);
  }

  public Optional<CaseItem> findByCaseNumberAndItemIndex(String caseNumber, int itemIndex) {
    return queryOne("select * from case_item where case_number = ? and item_index = ?", caseNumber, itemIndex);
  }
}
