package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.imrflow.intake.DedupeKey;

/**
 * The item keys of the open cases registered before duplicates were found per item (V51): read from
 * each case's stored application, hashed as intake hashes them (in Java, as H2 and PostgreSQL hash
 * differently).
 */
public class V52__backfill_dispute_items extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    try (Statement select = context.getConnection().createStatement();
        ResultSet cases = select.executeQuery("select case_number, application from imr_case c where is_open = true "
            + "and not exists (select 1 from dispute_item d where d.case_number = c.case_number)");
        PreparedStatement insert = context.getConnection().prepareStatement(
            "insert into dispute_item (item_key, case_number, item_index) values (?, ?, ?)")) {
      while (cases.next()) {
        JsonNode application = mapper.readTree(cases.getString(2));
        String claim = application.path("employee").path("claimNumber").asText(null);
        String decisionDate = application.path("utilizationReview").path("decisionDate").asText(null);
        JsonNode items = application.path("disputedItems");
        for (int i = 0; i < items.size(); i++) {
          insert.setString(1, DedupeKey.item(claim, decisionDate, items.get(i).path("description").asText("")));
          insert.setString(2, cases.getString(1));
          insert.setInt(3, i);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
