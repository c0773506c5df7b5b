package org.imrflow.deadlines;

import org.imrflow.cases.CaseAction;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.Organization;
import org.imrflow.process.CaseProcess;
import org.imrflow.security.Groups;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Less than a fifth of the time for a determination is left: the managers hear of it by mail
 * (case number, deadline and reviewer id only) while the case still shows AT_RISK on the board.
 */
@Component("warnManagers")
class WarnManagers implements JavaDelegate {

  private final Cases cases;
  private final CaseAudit audit;
  private final IdentityService identity;
  private final JavaMailSender mail;
  private final Organization organization;

  WarnManagers(Cases cases, CaseAudit audit, IdentityService identity, JavaMailSender mail, Organization organization) {
    this.cases = cases;
    this.audit = audit;
    this.identity = identity;
    this.mail = mail;
    this.organization = organization;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    List<String> managers = identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
    if (!managers.isEmpty()) {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(organization.email());
      message.setTo(managers.toArray(new String[0]));
      message.setSubject("Case " + c.getCaseNumber() + " is at risk of missing its deadline");
      message.setText("Case " + c.getCaseNumber() + " (" + (c.isExpedited() ? "expedited" : "standard")
          + ") must be determined by " + c.getDeterminationDue() + ". Reviewer: "
          + (c.getReviewerId() == null ? "not yet assigned" : c.getReviewerId()) + ".\n"
          + "See the SLA board in Cockpit.");
      mail.send(message);
    }
    audit.record(c.getCaseNumber(), CaseAction.AT_RISK, "determination due " + c.getDeterminationDue() + "; "
        + managers.size() + " manager(s) warned");
  }
}
