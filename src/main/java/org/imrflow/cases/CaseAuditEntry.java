package org.imrflow.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who did what to a case and when, as read back. Details carry codes and ids, never clinical text.
 * Lines are written by {@link CaseAudit#record} with plain JDBC.
 */
@Entity
@Table(name = "case_audit")
public class CaseAuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String caseNumber;

  @Column(name = "occurred_at")
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
