package org.imrflow.intake;

import org.imrflow.cases.Application;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseRepository;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.deadlines.Deadlines;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Screens an application for eligibility (8 CCR 9792.10.3) and records the reasons. */
@Component("screenEligibility")
class ScreenEligibility implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ScreenEligibility.class);

  private final Cases cases;
  private final CaseRepository repository;
  private final CaseJson json;
  private final Deadlines deadlines;
  private final BusinessClock clock;

  ScreenEligibility(Cases cases, CaseRepository repository, CaseJson json, Deadlines deadlines, BusinessClock clock) {
    this.clock = clock;
    this.cases = cases;
    this.repository = repository;
    this.json = json;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(execution));
    Application application = json.application(c);
    var lastDayOnTime = deadlines.applicationDue(application.urServedOn(),
        Boolean.TRUE.equals(application.utilizationReview().servedByMail()));
    boolean alreadyDecided = repository.findByDedupeKey(c.getDedupeKey()).stream()
        .anyMatch(other -> other != c && other.getStatus() == CaseStatus.LETTER_SENT);
    List<String> reasons = EligibilityRules.screen(application, lastDayOnTime, alreadyDecided).stream()
        .map(Enum::name).toList();
    boolean eligible = reasons.isEmpty();
    c.screened(eligible, reasons);
    boolean deferred = application.disputesLiability() && CaseProcess.LIABILITY_RESOLVED_ON.from(execution) == null;
    // The notice of assignment follows eligibility by 1 business day (8 CCR 9792.10.4). A deferred
    // case sends none until its liability dispute is resolved and screening runs again.
    c.noticeDueOn(eligible && !deferred ? deadlines.noticeOfAssignmentDue(clock.today()).due() : null);
    // Read by the gateway and the case's lifecycle in this command only (the case keeps the answer): never stored.
    CaseProcess.ELIGIBLE.setTransient(execution, eligible);
    CaseProcess.LIABILITY_DISPUTED.setTransient(execution, deferred);
    log.info("Case {} screened: {}", c.getCaseNumber(), eligible ? "eligible" : "ineligible " + reasons);
  }
}
