package org.imrflow.cases;

import org.imrflow.security.CurrentUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records who did what to a case. Details carry codes and ids, never names or clinical text. */
@Component
public class CaseAudit {

  /** One line of a case's audit trail. */
  public record Entry(Instant at, String user, String action, String detail) {
  }

  private final CaseAuditRepository entries;
  private final CurrentUser currentUser;
  private final BusinessClock clock;
  private final HistoryService history;
  private final JdbcTemplate jdbc;

  public CaseAudit(CaseAuditRepository entries, CurrentUser currentUser, BusinessClock clock, HistoryService history,
      JdbcTemplate jdbc) {
    this.entries = entries;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.clock = clock;
    this.history = history;
  }

  /**
   * One row, written with plain JDBC in the caller's transaction: an entity here would only be carried
   * through every later flush of the transaction (about 12 lines a case; 2% of a case's CPU when JPA wrote it).
   */
  public void record(String caseNumber, CaseAction action, String detail) {
    jdbc.update("insert into case_audit (case_number, occurred_at, user_id, action, detail) values (?, ?, ?, ?, ?)",
        caseNumber, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), currentUser.idOrSystem(), action.name(),
        detail);
  }

  public List<CaseAuditEntry> of(String caseNumber) {
    return entries.findByCaseNumberOrderByIdAsc(caseNumber);
  }

  /**
   * IMRflow's own entries, merged with what Camunda's user operation log holds of the case's process
   * (claims, assignments, job retries by a manager in Cockpit...), oldest first. Operation log entries
   * name the operation and the property, never a variable's value.
   */
  public List<Entry> trail(ImrCase c) {
    List<Entry> trail = new ArrayList<>();
    of(c.getCaseNumber()).forEach(e -> trail.add(new Entry(e.getAt(), e.getUserId(), e.getAction(), e.getDetail())));
    if (c.getProcessInstanceId() != null) {
      for (UserOperationLogEntry op : history.createUserOperationLogQuery()
          .processInstanceId(c.getProcessInstanceId()).list()) {
        if (op.getUserId() != null && !"Complete".equals(op.getOperationType())) {
          trail.add(new Entry(op.getTimestamp().toInstant(), op.getUserId(),
              (op.getEntityType() + "_" + op.getOperationType()).toUpperCase(Locale.ROOT).replace(' ', '_'),
              operationDetail(op)));
        }
      }
    }
    trail.sort(Comparator.comparing(Entry::at));
    return trail;
  }

  private static String operationDetail(UserOperationLogEntry op) {
    boolean showsUser = "assignee".equals(op.getProperty()) || "owner".equals(op.getProperty());
    return (op.getProperty() == null ? "" : op.getProperty())
        + (showsUser && op.getNewValue() != null ? " " + op.getNewValue() : "");
  }
}
