package org.imrflow.intake;

import org.imrflow.cases.CaseAction;
import org.imrflow.cases.Application;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseRepository;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.DisputedItem;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in an Application for IMR: validates it, refuses a duplicate of an open case, assigns
 * the case number and starts {@code imr-case} under it, all in one transaction.
 */
@Service
public class Intake {

  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  private final ApplicationValidation validation;
  private final CaseNumbers caseNumbers;
  private final CaseRepository cases;
  private final CaseItemRepository items;
  private final CaseJson json;
  private final CaseAudit audit;
  private final BusinessClock clock;
  private final RuntimeService runtime;
  private final DisputeLock disputes;

  Intake(ApplicationValidation validation, CaseNumbers caseNumbers, CaseRepository cases, CaseItemRepository items,
      CaseJson json, CaseAudit audit, BusinessClock clock, RuntimeService runtime, DisputeLock disputes) {
    this.disputes = disputes;
    this.validation = validation;
    this.caseNumbers = caseNumbers;
    this.cases = cases;
    this.items = items;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
    this.runtime = runtime;
  }

  /** An application from the API: registered, then its process started (screening runs at once). */
  @Transactional
  public ImrCase apply(Application application) {
    ImrCase c = register(application);
    ProcessInstance instance = runtime.startProcessInstanceByKey(CaseProcess.KEY, c.getCaseNumber(),
        Map.of(CaseProcess.CASE_NUMBER.name(), c.getCaseNumber(),
            CaseProcess.ITEM_COUNT.name(), application.disputedItems().size(),
            CaseProcess.ITEMS_TO_DECIDE.name(), CaseProcess.allItems(application.disputedItems().size())));
    c.setProcessInstanceId(instance.getId());
    return c;
  }

  /** An application entered with the Tasklist start form: the process is already starting. */
  @Transactional
  public ImrCase registerStarted(Application application, DelegateExecution execution) {
    ImrCase c = register(application);
    c.setProcessInstanceId(execution.getProcessInstanceId());
    execution.setProcessBusinessKey(c.getCaseNumber());
    CaseProcess.CASE_NUMBER.set(execution, c.getCaseNumber());
    CaseProcess.ITEM_COUNT.set(execution, application.disputedItems().size());
    CaseProcess.ITEMS_TO_DECIDE.set(execution, CaseProcess.allItems(application.disputedItems().size()));
    return c;
  }

  private ImrCase register(Application application) {
    validation.check(application);
    String dedupeKey = DedupeKey.of(application);
    disputes.lock(dedupeKey);
    List<ImrCase> open = cases.findByDedupeKeyAndOpenTrue(dedupeKey);
    if (!open.isEmpty()) {
      throw new DuplicateApplicationException(open.get(0).getCaseNumber());
    }
    String caseNumber = caseNumbers.next(application.applicationReceivedOn());
    ImrCase c = cases.save(new ImrCase(caseNumber, application.expeditedReview(), application.applicationReceivedOn(),
        application.utilizationReview().decisionDate(), dedupeKey, json.write(application), clock.now()));
    List<DisputedItem> disputed = application.disputedItems();
    for (int i = 0; i < disputed.size(); i++) {
      DisputedItem item = disputed.get(i);
      items.save(new CaseItem(caseNumber, i, item.description(), item.category().name(), json.write(item)));
    }
    audit.record(caseNumber, CaseAction.STARTED, "application received " + application.applicationReceivedOn()
        + ", " + disputed.size() + " disputed item(s)" + (application.expeditedReview() ? ", expedited" : ""));
    log.info("Case {} registered with {} disputed item(s)", caseNumber, disputed.size());
    return c;
  }
}
