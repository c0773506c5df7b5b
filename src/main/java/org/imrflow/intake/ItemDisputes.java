package org.imrflow.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The disputed items of every case by item key (table {@code dispute_item}, DedupeKey.item), to
 * find an item already under review in an open case. Plain JDBC in the intake's transaction; the
 * keys are locked first (DisputeLock), so two intakes of one item register one after the other.
 */
@Component
class ItemDisputes {

  private final JdbcTemplate jdbc;

  ItemDisputes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Per item key, the open case that reviews that item (the oldest, if several do). */
  Map<String, String> openCases(Collection<String> itemKeys) {
    Map<String, String> open = new HashMap<>();
    if (itemKeys.isEmpty()) {
      return open;
    }
    String marks = String.join(",", java.util.Collections.nCopies(itemKeys.size(), "?"));
    jdbc.query("select d.item_key, d.case_number from dispute_item d join imr_case c on c.case_number = d.case_number "
        + "where c.is_open = true and d.item_key in (" + marks + ") order by c.created_at, d.case_number",
        rs -> {
          open.putIfAbsent(rs.getString(1), rs.getString(2));
        }, itemKeys.toArray());
    return open;
  }

  void register(String itemKey, String caseNumber, int itemIndex) {
    jdbc.update("insert into dispute_item (item_key, case_number, item_index) values (?, ?, ?)", itemKey, caseNumber,
        itemIndex);
  }
}
