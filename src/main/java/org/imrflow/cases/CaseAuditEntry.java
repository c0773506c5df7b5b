package org.imrflow.cases;

import java.time.Instant;
import org.imrflow.persistence.Column;
import org.imrflow.persistence.Id;

/**
 * Who did what to a case and when, as read back. Details carry codes and ids, never clinical text.
 * Lines are written by {@link CaseAudit#record} with plain JDBC.
 */
public class CaseAuditEntry {

  @Id(generated = true)
  private Long id;

  private String caseNumber;

  @Column("occurred_at")
  private Instant at;

  private String userId;
  private String action;
  private String detail;

  protected CaseAuditEntry() {
  }

  public Long getId() { return id; }
  public String getCaseNumber() { return caseNumber; }
  public Instant getAt() { return at; }
  public String getUserId() { return userId; }
  public String getAction() { return action; }
  public String getDetail() { return detail; }
}
