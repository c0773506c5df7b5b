package org.imrflow.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.imrflow.cases.Application;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseRepository;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in an Application for IMR: validates it, refuses a duplicate of an open case, leaves out
 * each item already under review in an open case for the same claim (issue 17; all of them: the
 * duplicate's 409), assigns the case number and starts {@code imr-case} under it, all in one
 * transaction.
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
  private final ItemDisputes itemDisputes;

  Intake(ApplicationValidation validation, CaseNumbers caseNumbers, CaseRepository cases, CaseItemRepository items,
      CaseJson json, CaseAudit audit, BusinessClock clock, RuntimeService runtime, DisputeLock disputes,
      ItemDisputes itemDisputes) {
    this.disputes = disputes;
    this.itemDisputes = itemDisputes;
    this.validation = validation;
    this.caseNumbers = caseNumbers;
    this.cases = cases;
    this.items = items;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
    this.runtime = runtime;
  }

  /**
   * What intake made of an application: the case, and the disputed items it refused (each already
   * under review in an open case for the same claim), in the application's order.
   */
  public record Result(ImrCase imrCase, List<RefusedItem> refusedItems) {
  }

  /**
   * A disputed item left out of the case (API.md §5 intake answer, additive).
   *
   * @param index the item's 0-based position in the application as posted
   * @param reason {@code DUPLICATE}: the same item of the same claim is under review in {@code openCase}
   */
  public record RefusedItem(int index, String description, String reason, String openCase) {
  }

  /** An application from the API: registered, then its process started (screening runs at once). */
  @Transactional
  public ImrCase apply(Application application) {
    return take(application).imrCase();
  }

  /** As {@link #apply}, saying which items were refused as duplicates. */
  @Transactional
  public Result take(Application application) {
    Registration r = register(application);
    ImrCase c = r.imrCase();
    int count = r.stored().disputedItems().size();
    ProcessInstance instance = runtime.startProcessInstanceByKey(CaseProcess.KEY, c.getCaseNumber(),
        Map.of(CaseProcess.CASE_NUMBER.name(), c.getCaseNumber(),
            CaseProcess.ITEM_COUNT.name(), count,
            CaseProcess.ITEMS_TO_DECIDE.name(), CaseProcess.ITEMS_TO_DECIDE.stored(CaseProcess.allItems(count))));
    c.setProcessInstanceId(instance.getId());
    return new Result(c, r.refused());
  }

  /** An application entered with the Tasklist start form: the process is already starting. */
  @Transactional
  public ImrCase registerStarted(Application application, DelegateExecution execution) {
    Registration r = register(application);
    ImrCase c = r.imrCase();
    int count = r.stored().disputedItems().size();
    c.setProcessInstanceId(execution.getProcessInstanceId());
    execution.setProcessBusinessKey(c.getCaseNumber());
    CaseProcess.CASE_NUMBER.set(execution, c.getCaseNumber());
    CaseProcess.ITEM_COUNT.set(execution, count);
    CaseProcess.ITEMS_TO_DECIDE.set(execution, CaseProcess.allItems(count));
    return c;
  }

  private record Registration(ImrCase imrCase, Application stored, List<RefusedItem> refused) {
  }

  private Registration register(Application posted) {
    validation.check(posted);
    List<String> itemKeys = posted.disputedItems().stream().map(item -> DedupeKey.item(posted, item)).toList();
    // The whole dispute and each item, locked in one order (sorted) so that two intakes never wait
    // for each other crosswise.
    SortedSet<String> locks = new TreeSet<>(itemKeys);
    locks.add(DedupeKey.of(posted));
    locks.forEach(disputes::lock);
    List<ImrCase> open = cases.findByDedupeKeyAndOpenTrue(DedupeKey.of(posted));
    if (!open.isEmpty()) {
      throw new DuplicateApplicationException(open.get(0).getCaseNumber());
    }
    Map<String, String> underReview = itemDisputes.openCases(itemKeys);
    List<RefusedItem> refused = new ArrayList<>();
    List<DisputedItem> accepted = new ArrayList<>();
    for (int i = 0; i < posted.disputedItems().size(); i++) {
      DisputedItem item = posted.disputedItems().get(i);
      String openCase = underReview.get(itemKeys.get(i));
      if (openCase == null) {
        accepted.add(item);
      } else {
        refused.add(new RefusedItem(i, item.description(), IneligibilityReason.DUPLICATE.name(), openCase));
      }
    }
    if (accepted.isEmpty()) {
      throw DuplicateApplicationException.everyItem(refused.get(0).openCase());
    }
    Application application = refused.isEmpty() ? posted : withItems(posted, accepted);
    String dedupeKey = DedupeKey.of(application);
    String caseNumber = caseNumbers.next(application.applicationReceivedOn());
    ImrCase c = cases.insert(new ImrCase(caseNumber, application.expeditedReview(), application.applicationReceivedOn(),
        application.utilizationReview().decisionDate(), dedupeKey, json.write(application), clock.now()));
    List<DisputedItem> disputed = application.disputedItems();
    for (int i = 0; i < disputed.size(); i++) {
      DisputedItem item = disputed.get(i);
      items.save(new CaseItem(caseNumber, i, item.description(), item.category().name(), json.write(item)));
      itemDisputes.register(DedupeKey.item(application, item), caseNumber, i);
    }
    audit.record(caseNumber, CaseAction.STARTED, "application received " + application.applicationReceivedOn()
        + ", " + disputed.size() + " disputed item(s)" + (application.expeditedReview() ? ", expedited" : ""));
    if (!refused.isEmpty()) {
      audit.record(caseNumber, CaseAction.DUPLICATE_ITEMS_REFUSED, refused.size() + " of " + posted.disputedItems().size()
          + " disputed item(s) already under review in open case(s) "
          + String.join(", ", refused.stream().map(RefusedItem::openCase).distinct().toList()));
    }
    log.info("Case {} registered with {} disputed item(s), {} refused as duplicates", caseNumber, disputed.size(),
        refused.size());
    return new Registration(c, application, List.copyOf(refused));
  }

  /** The application with only the items that go ahead. */
  private static Application withItems(Application a, List<DisputedItem> items) {
    return new Application(a.applicationReceivedOn(), a.signedByEmployee(), a.expedited(), a.expeditedReason(),
        a.employee(), a.representative(), a.employer(), a.claimsAdministrator(), a.utilizationReview(), a.providers(),
        a.diagnoses(), List.copyOf(items), a.insurer(), a.applicant(), a.liabilityDisputed(),
        a.liabilityDisputeReason());
  }
}
