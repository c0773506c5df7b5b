package org.imrflow.cases;

import java.util.List;
import org.imrflow.persistence.EntityTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The cases' own trail, in table {@code case_audit}. */
@Component
public class CaseAuditRepository extends EntityTable<CaseAuditEntry, Long> {

  public CaseAuditRepository(JdbcTemplate jdbc) {
    super(jdbc, CaseAuditEntry.class, "case_audit");
  }

  public List<CaseAuditEntry> findByCaseNumberOrderByIdAsc(String caseNumber) {
    return query("select * from case_audit where case_number = ? order by id", caseNumber);
  }
}
