package org.imrflow.cases;

import java.util.List;
import org.springframework.stereotype.Component;

/** Records who did what to a case. Details carry codes and ids, never names or clinical text. */
@Component
public class CaseAudit {

  private final CaseAuditRepository entries;
  private final CurrentUser currentUser;
  private final BusinessClock clock;

  public CaseAudit(CaseAuditRepository entries, CurrentUser currentUser, BusinessClock clock) {
    this.entries = entries;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  public void record(String caseNumber, String action, String detail) {
    entries.save(new CaseAuditEntry(caseNumber, clock.now(), currentUser.idOrSystem(), action, detail));
  }

  public List<CaseAuditEntry> of(String caseNumber) {
    return entries.findByCaseNumberOrderByIdAsc(caseNumber);
  }
}
