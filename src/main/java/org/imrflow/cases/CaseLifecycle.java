package org.imrflow.cases;

import static org.imrflow.cases.CaseAction.ASSIGNED;
import static org.imrflow.cases.CaseAction.ATTESTED;
import static org.imrflow.cases.CaseAction.BREACH_HANDLED;
import static org.imrflow.cases.CaseAction.CONFLICT_DECLARED;
import static org.imrflow.cases.CaseAction.DEADLINE_BREACHED;
import static org.imrflow.cases.CaseAction.DETERMINATION_CLOCK_STARTED;
import static org.imrflow.cases.CaseAction.EXPEDITED;
import static org.imrflow.cases.CaseAction.LIABILITY_RESOLVED;
import static org.imrflow.cases.CaseAction.QA_APPROVED;
import static org.imrflow.cases.CaseAction.QA_NOT_PICKED;
import static org.imrflow.cases.CaseAction.QA_OPENED;
import static org.imrflow.cases.CaseAction.QA_PICKED;
import static org.imrflow.cases.CaseAction.QA_RETURNED;
import static org.imrflow.cases.CaseAction.RECORDS_REQUESTED;
import static org.imrflow.cases.CaseAction.REVIEWER_NO_LONGER_QUALIFIED;
import static org.imrflow.cases.CaseAction.SCREENED;
import static org.imrflow.cases.CaseAction.SUMMARY_WRITTEN;
import static org.imrflow.cases.CaseStatus.AWAITING_RECORDS;
import static org.imrflow.cases.CaseStatus.DEFERRED;
import static org.imrflow.cases.CaseStatus.ELIGIBILITY_REVIEW;
import static org.imrflow.cases.CaseStatus.INELIGIBLE;
import static org.imrflow.cases.CaseStatus.IN_REVIEW;
import static org.imrflow.cases.CaseStatus.LETTER_SENT;
import static org.imrflow.cases.CaseStatus.QUALITY_REVIEW;
import static org.imrflow.cases.CaseStatus.REVIEWER_ASSIGNMENT;
import static org.imrflow.process.CaseProcess.Element.ASSIGN_REVIEWER;
import static org.imrflow.process.CaseProcess.Element.ATTEST_NO_CONFLICT;
import static org.imrflow.process.CaseProcess.Element.CLOSE_CASE_EARLY;
import static org.imrflow.process.CaseProcess.Element.DECIDE_ITEM;
import static org.imrflow.process.CaseProcess.Element.EXPEDITE_OVERDUE_CASE;
import static org.imrflow.process.CaseProcess.Element.PICK_FOR_QUALITY_REVIEW;
import static org.imrflow.process.CaseProcess.Element.RECOMPUTE_DEADLINES;
import static org.imrflow.process.CaseProcess.Element.RECORD_BREACH;
import static org.imrflow.process.CaseProcess.Element.RECORD_LIABILITY_RESOLVED;
import static org.imrflow.process.CaseProcess.Element.SCREEN_ELIGIBILITY;
import static org.imrflow.process.CaseProcess.Element.SEND_FINAL_LETTER;
import static org.imrflow.process.CaseProcess.Element.START_DETERMINATION_CLOCK;
import static org.imrflow.process.CaseProcess.Element.START_RECORDS_CLOCK;
import static org.imrflow.process.CaseProcess.Element.WRITE_CASE_SUMMARY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.imrflow.cases.CaseEvent.CaseClosed;
import org.imrflow.cases.CaseEvent.ReviewerAssigned;
import org.imrflow.cases.CaseEvent.ReviewerWithdrawn;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.process.ProcessVariable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place where a case's status moves. It hears the steps of {@code imr-case} its
 * {@link #TABLE} names, through the listeners {@link CaseLifecycleListeners} attaches to those elements
 * (in the engine's transaction, after the element's own listeners, so a refused task completion moves
 * nothing), and follows the table: for a step of the model it moves the status, writes the audit line
 * and publishes a {@link CaseEvent} for the features that act on it.
 */
@Component
class CaseLifecycle {

  /** When in the model: an activity's start or end, a user task's creation or completion. */
  enum On { START, END, CREATE, COMPLETE }

  /** What the table's functions see: the case, the variables where the step happens, and its day. */
  record Moment(ImrCase c, VariableScope scope, String user, LocalDate today, CaseJson json,
      CaseItemRepository items, ReviewGroups groups) {
    <T> T variable(ProcessVariable<T> variable) {
      return variable.from(scope);
    }
  }

  /**
   * One row: at this step (and when this holds) record what the step settles on the case, move it
   * to this status, write this audit line and publish that event. Built by {@link #at} and its withers.
   */
  record Row(Element element, On on, Predicate<Moment> when, Consumer<Moment> record,
      Function<Moment, CaseStatus> status, Function<Moment, CaseAction> action, Function<Moment, String> detail,
      Function<Moment, CaseEvent> event) {

    Row when(Predicate<Moment> condition) {
      return new Row(element, on, condition, record, status, action, detail, event);
    }

    Row record(Consumer<Moment> facts) {
      return new Row(element, on, when, facts, status, action, detail, event);
    }

    Row moveTo(CaseStatus to) {
      return moveTo(m -> to);
    }

    Row moveTo(Function<Moment, CaseStatus> to) {
      return new Row(element, on, when, record, to, action, detail, event);
    }

    Row audit(CaseAction what, Function<Moment, String> how) {
      return audit(m -> what, how);
    }

    Row audit(Function<Moment, CaseAction> what, Function<Moment, String> how) {
      return new Row(element, on, when, record, status, what, how, event);
    }

    Row publish(Function<Moment, CaseEvent> published) {
      return new Row(element, on, when, record, status, action, detail, published);
    }
  }

  /** Mirrors processes/imr-case.bpmn, in its order. */
  static final List<Row> TABLE = List.of(
      at(SCREEN_ELIGIBILITY, On.END).audit(SCREENED, m -> Boolean.TRUE.equals(m.c().getEligible()) ? "eligible"
          : "ineligible: " + String.join(", ", m.c().eligibilityReasonList())),
      at(SCREEN_ELIGIBILITY, On.END).when(m -> !Boolean.TRUE.equals(m.c().getEligible()))
          .moveTo(INELIGIBLE).record(m -> m.c().setClosedOn(m.today())).publish(CaseLifecycle::closed),
      at(SCREEN_ELIGIBILITY, On.END).when(m -> Boolean.TRUE.equals(m.c().getEligible())
              && m.variable(CaseProcess.LIABILITY_DISPUTED)).moveTo(DEFERRED)
          .record(m -> m.c().defer(Objects.requireNonNullElse(m.json().application(m.c()).liabilityDisputeReason(),
              "liability disputed by the claims administrator")))
          .audit(CaseAction.DEFERRED, m -> "liability disputed by the claims administrator; no review until resolved"),
      at(RECORD_LIABILITY_RESOLVED, On.COMPLETE).moveTo(ELIGIBILITY_REVIEW).record(m -> m.c().defer(null))
          .audit(LIABILITY_RESOLVED, m -> "liability dispute resolved on " + m.variable(CaseProcess.LIABILITY_RESOLVED_ON)
              + " by " + m.user() + "; screening resumes"),
      at(START_RECORDS_CLOCK, On.END).moveTo(AWAITING_RECORDS)
          .audit(RECORDS_REQUESTED, m -> "records due " + m.c().getRecordsDue()),
      at(START_DETERMINATION_CLOCK, On.END).moveTo(REVIEWER_ASSIGNMENT)
          .audit(DETERMINATION_CLOCK_STARTED, m -> "determination due " + m.c().getDeterminationDue()),
      at(ASSIGN_REVIEWER, On.COMPLETE).moveTo(IN_REVIEW).record(CaseLifecycle::assign)
          .audit(ASSIGNED, m -> "reviewer " + m.variable(CaseProcess.REVIEWER_ID) + " assigned" + itemsOfGroup(m)
              + "; screening found no conflict")
          .publish(m -> new ReviewerAssigned(m.c().getCaseNumber(), m.c().getProcessInstanceId(),
              m.variable(CaseProcess.REVIEWER_ID))),
      at(ATTEST_NO_CONFLICT, On.COMPLETE).when(m -> m.variable(CaseProcess.NO_CONFLICT) && stillQualified(m))
          .audit(ATTESTED, m -> "reviewer " + m.user() + " attested no conflict of interest"),
      at(ATTEST_NO_CONFLICT, On.COMPLETE).when(m -> !m.variable(CaseProcess.NO_CONFLICT)).moveTo(REVIEWER_ASSIGNMENT)
          .record(m -> leaves(m, m.groups().of(m.c().getCaseNumber(), m.scope()), m.user(), true))
          // The declared conflict may name people: it stays in the task's history, not in the audit line.
          .audit(CONFLICT_DECLARED, m -> "reviewer " + m.user() + " declared a conflict of interest"
              + (m.variable(CaseProcess.DECLARED_CONFLICT) == null ? "" : " (statement on file)") + "; back to assignment")
          .publish(CaseLifecycle::withdrawn),
      at(ATTEST_NO_CONFLICT, On.COMPLETE).when(m -> m.variable(CaseProcess.NO_CONFLICT) && !stillQualified(m))
          .moveTo(REVIEWER_ASSIGNMENT).record(CaseLifecycle::reviewerLapsed)
          .audit(REVIEWER_NO_LONGER_QUALIFIED, CaseLifecycle::lapse).publish(CaseLifecycle::withdrawn),
      at(WRITE_CASE_SUMMARY, On.COMPLETE).audit(SUMMARY_WRITTEN, m -> "clinical case summary written ("
          + m.groups().of(m.c().getCaseNumber(), m.scope()).getCaseSummary().length() + " characters)" + itemsOfGroup(m)),
      at(DECIDE_ITEM, On.COMPLETE).when(m -> !stillQualified(m))
          .moveTo(REVIEWER_ASSIGNMENT).record(CaseLifecycle::reviewerLapsed)
          .audit(REVIEWER_NO_LONGER_QUALIFIED, CaseLifecycle::lapse).publish(CaseLifecycle::withdrawn),
      conflictFound(Element.CONFLICT_FOUND_AT_ATTESTATION),
      conflictFound(Element.CONFLICT_FOUND_AT_SUMMARY),
      conflictFound(Element.CONFLICT_FOUND_AT_DECISION),
      // In quality review no instance of review-by-reviewer is open: the message names the reviewer.
      at(Element.CONFLICT_FOUND_AT_QUALITY_REVIEW, On.START).moveTo(REVIEWER_ASSIGNMENT)
          .record(CaseLifecycle::conflictFoundInQualityReview)
          .audit(CaseAction.CONFLICT_FOUND, m -> "a panel update shows reviewer " + m.variable(CaseProcess.CONFLICTED_REVIEWER_ID)
              + " in conflict during quality review (" + m.variable(CaseProcess.REVIEWER_STANDING)
              + "); their items go back to assignment")
          .publish(m -> new ReviewerWithdrawn(m.c().getCaseNumber(), m.c().getProcessInstanceId(),
              m.variable(CaseProcess.CONFLICTED_REVIEWER_ID))),
      at(PICK_FOR_QUALITY_REVIEW, On.END).audit(m -> m.variable(CaseProcess.QUALITY_REVIEW) ? QA_PICKED : QA_NOT_PICKED,
          m -> String.valueOf(m.variable(CaseProcess.QA_SAMPLING).get("reason"))),
      at(Element.QUALITY_REVIEW, On.CREATE).moveTo(QUALITY_REVIEW).audit(QA_OPENED,
          m -> Boolean.TRUE.equals(m.variable(CaseProcess.QA_CHECKS_PASSED)) ? "automatic checks passed"
              : m.variable(CaseProcess.QA_CHECKS_FAILED) + " automatic check(s) failed"),
      at(Element.QUALITY_REVIEW, On.COMPLETE).when(m -> "APPROVED".equals(m.variable(CaseProcess.QA_OUTCOME)))
          .audit(QA_APPROVED, m -> "letter released"),
      at(Element.QUALITY_REVIEW, On.COMPLETE).when(m -> !"APPROVED".equals(m.variable(CaseProcess.QA_OUTCOME)))
          .moveTo(IN_REVIEW)
          // The determination is open again until the returned items are decided anew.
          .record(m -> m.c().setDecidedOn(null))
          .audit(QA_RETURNED, m -> "item(s) " + String.join(", ", m.variable(CaseProcess.ITEMS_TO_DECIDE).stream()
              .map(i -> String.valueOf(i + 1)).toList()) + " returned to the reviewer"),
      // The letter is what ends an IMR; Letters audits each mailing.
      at(SEND_FINAL_LETTER, On.END).moveTo(LETTER_SENT)
          .record(m -> { m.c().setLetterSentOn(m.today()); m.c().setClosedOn(m.today()); })
          .publish(CaseLifecycle::closed),
      at(RECORD_BREACH, On.END).audit(DEADLINE_BREACHED,
          m -> "determination was due " + m.c().getDeterminationDue() + "; escalated to managers"),
      at(EXPEDITE_OVERDUE_CASE, On.COMPLETE).audit(BREACH_HANDLED, m -> "manager " + m.user()
          + " recorded the action taken (" + m.variable(CaseProcess.ACTION_TAKEN).length() + " characters)"),
      at(RECOMPUTE_DEADLINES, On.END).audit(EXPEDITED, m -> "physician certification of "
          + m.variable(CaseProcess.CERTIFIED_ON) + "; " + (m.c().getStatus() == AWAITING_RECORDS
              ? "records due " + m.c().getRecordsDue() : "determination due " + m.c().getDeterminationDue())),
      at(CLOSE_CASE_EARLY, On.END).moveTo(m -> EndReason.valueOf(m.variable(CaseProcess.END_REASON)).status)
          .record(m -> m.c().setClosedOn(m.variable(CaseProcess.ENDED_ON)))
          .audit(m -> EndReason.valueOf(m.variable(CaseProcess.END_REASON)).action,
              m -> m.variable(CaseProcess.END_REASON) + " on " + m.c().getClosedOn())
          .publish(CaseLifecycle::closed));

  /** A step of the model the table follows: an element and the moment of it. */
  record Step(String elementId, On on) {
  }

  private static final Map<Step, List<Row>> ROWS_BY_STEP = TABLE.stream().collect(
      Collectors.groupingBy(row -> new Step(row.element().id, row.on()), LinkedHashMap::new, Collectors.toList()));

  private final Cases cases;
  private final CaseAudit audit;
  private final BusinessClock clock;
  private final ApplicationEventPublisher events;
  private final CaseJson json;
  private final CaseItemRepository items;
  private final ReviewGroups groups;

  CaseLifecycle(Cases cases, CaseAudit audit, BusinessClock clock, ApplicationEventPublisher events, CaseJson json,
      CaseItemRepository items, ReviewGroups groups) {
    this.items = items;
    this.groups = groups;
    this.json = json;
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** The steps the table follows: where {@link CaseLifecycleListeners} puts its listeners. */
  static Set<Step> steps() {
    return ROWS_BY_STEP.keySet();
  }

  /** An activity's start or end, heard by a listener on a step of the table. */
  void follow(Step step, DelegateExecution execution) {
    follow(step, execution, null);
  }

  /** A user task's creation or completion, heard by a listener on a step of the table. */
  void follow(Step step, DelegateTask task) {
    follow(step, task, task.getAssignee());
  }

  private void follow(Step step, VariableScope scope, String user) {
    List<Row> rows = ROWS_BY_STEP.get(step);
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(scope));
    Moment moment = new Moment(c, scope, user, clock.today(), json, items, groups);
    for (Row row : rows) {
      if (!row.when().test(moment)) {
        continue;
      }
      row.record().accept(moment);
      if (row.status() != null) {
        c.moveTo(row.status().apply(moment));
      }
      if (row.action() != null) {
        audit.record(c.getCaseNumber(), row.action().apply(moment), row.detail().apply(moment));
      }
      if (row.event() != null) {
        events.publishEvent(row.event().apply(moment));
      }
    }
  }

  /** A panel update found the assigned reviewer in conflict: never offered this case again. */
  private static Row conflictFound(Element boundary) {
    return at(boundary, On.START).moveTo(REVIEWER_ASSIGNMENT)
        .record(m -> leaves(m, m.groups().of(m.c().getCaseNumber(), m.scope()), m.variable(CaseProcess.REVIEWER_ID),
            true))
        .audit(CaseAction.CONFLICT_FOUND, m -> "a panel update shows the assigned reviewer in conflict ("
            + m.variable(CaseProcess.REVIEWER_STANDING) + "); back to assignment")
        .publish(m -> new ReviewerWithdrawn(m.c().getCaseNumber(), m.c().getProcessInstanceId(),
            m.variable(CaseProcess.REVIEWER_ID)));
  }

  /** Null (a case screened before the re-check existed) counts as qualified. */
  private static boolean stillQualified(Moment m) {
    return !Boolean.FALSE.equals(m.variable(CaseProcess.REVIEWER_QUALIFIED));
  }

  private static void assign(Moment m) {
    String reviewer = m.variable(CaseProcess.REVIEWER_ID);
    ReviewGroup group = m.groups().of(m.c().getCaseNumber(), m.scope());
    group.assign(reviewer, m.today());
    if (group.getGroupIndex() == 0) {
      m.c().assign(reviewer, m.today());
    }
  }

  /** Every group of the reviewer's goes back to assignment; those items are decided anew. */
  private static void conflictFoundInQualityReview(Moment m) {
    String reviewer = m.variable(CaseProcess.CONFLICTED_REVIEWER_ID);
    List<Integer> again = new ArrayList<>();
    for (ReviewGroup g : m.groups().of(m.c().getCaseNumber())) {
      if (reviewer.equals(g.getReviewerId())) {
        leaves(m, g, reviewer, true);
        again.addAll(m.variable(CaseProcess.ITEMS_TO_DECIDE));
      }
    }
    CaseProcess.ITEMS_TO_DECIDE.set(m.scope(), again);
  }

  /** " to items 1, 2" when the case has more than one reviewer. */
  private static String itemsOfGroup(Moment m) {
    if (m.groups().of(m.c().getCaseNumber()).size() < 2) {
      return "";
    }
    return " to items " + String.join(", ", m.groups().items(m.groups().of(m.c().getCaseNumber(), m.scope())).stream()
        .map(i -> String.valueOf(i + 1)).toList());
  }

  /** A new reviewer starts afresh: summary and every item of the group again, whatever the lapsed one decided. */
  private static void reviewerLapsed(Moment m) {
    leaves(m, m.groups().of(m.c().getCaseNumber(), m.scope()), m.user(), false);
  }

  /**
   * The reviewer leaves the group (lapsed, or in conflict): nothing they decided stands, the next
   * reviewer decides every item of the group again, and one in conflict is never offered the case again.
   */
  private static void leaves(Moment m, ReviewGroup group, String reviewer, boolean inConflict) {
    if (inConflict) {
      m.c().decline(reviewer);
    }
    if (group.getGroupIndex() == 0) {
      m.c().unassign();
    }
    m.c().setDecidedOn(null);
    group.unassign();
    List<CaseItem> ofGroup = m.items().findByCaseNumberOrderByItemIndex(m.c().getCaseNumber()).stream()
        .filter(i -> group.covers(i.getItemIndex())).toList();
    ofGroup.forEach(CaseItem::undecide);
    CaseProcess.ITEMS_TO_DECIDE.set(m.scope(), new ArrayList<>(ofGroup.stream().filter(i -> !i.isAuthorized())
        .map(CaseItem::getItemIndex).toList()));
  }

  private static String lapse(Moment m) {
    return "reviewer " + m.user() + " no longer qualifies (" + m.variable(CaseProcess.REVIEWER_STANDING)
        + "); nothing decided by them stands; back to assignment";
  }

  private static CaseEvent withdrawn(Moment m) {
    return new ReviewerWithdrawn(m.c().getCaseNumber(), m.c().getProcessInstanceId(), m.user());
  }

  private static CaseEvent closed(Moment m) {
    return new CaseClosed(m.c().getCaseNumber(), m.c().getStatus(), m.groups().reviewers(m.c().getCaseNumber()));
  }

  private static Row at(Element element, On on) {
    return new Row(element, on, m -> true, m -> { }, null, null, null, null);
  }
}
