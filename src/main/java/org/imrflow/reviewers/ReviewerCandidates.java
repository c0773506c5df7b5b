package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imrflow.cases.Application;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.springframework.stereotype.Service;

/**
 * Screens the panel for one case: qualification, specialty and conflicts, plus the reviewers who
 * declared a conflict on it. Eligible reviewers come first, California licensees before others,
 * then those with the fewest open cases.
 */
@Service
public class ReviewerCandidates {

  static final Comparator<Candidate> RANKING = Comparator
      .comparing((Candidate c) -> !c.eligible())
      .thenComparing(c -> !c.californiaLicensed())
      .thenComparingInt(Candidate::openCases)
      .thenComparing(Candidate::name)
      .thenComparing(Candidate::userId);

  private final ReviewerPanel panel;
  private final SpecialtyMatch specialties;
  private final QualificationPolicy policy;
  private final CaseItemRepository items;
  private final CaseJson json;
  private final BusinessClock clock;
  private final PreparedRankings rankings = new PreparedRankings();

  ReviewerCandidates(ReviewerPanel panel, SpecialtyMatch specialties, QualificationPolicy policy,
      CaseItemRepository items, CaseJson json, BusinessClock clock) {
    this.panel = panel;
    this.specialties = specialties;
    this.policy = policy;
    this.items = items;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Every active panel reviewer, ranked as {@link #RANKING} says: the ranking prepared for the
   * items' specialties and the day (PreparedRankings), with the reviewers this case's parties or
   * declared conflicts rule out moved among the ineligible. Nothing is screened per request but the
   * few reviewers the panel's affiliation index ties to the case.
   */
  public List<Candidate> forCase(ImrCase c) {
    return forItems(c, null);
  }

  /** As {@link #forCase}, for a group of the case's items (null: every item). Not to be modified. */
  public List<Candidate> forItems(ImrCase c, Collection<Integer> itemIndexes) {
    Screening screening = screening(c, itemIndexes);
    ReviewerPanel.Snapshot snapshot = panel.current();
    List<Candidate> ranked = screening.prepared(snapshot).ranked();
    List<Candidate> changed = null;
    for (String userId : screening.mayConflict(snapshot)) {
      PanelReviewer r = snapshot.byId().get(userId);
      if (r == null || !r.active()) {
        continue;
      }
      Candidate prepared = screening.screen(r);
      Candidate candidate = screening.withCaseConflicts(r, prepared);
      if (candidate != prepared) {
        // Out of its place and into the ineligible ones', by the same order.
        changed = changed == null ? new ArrayList<>(ranked) : changed;
        int at = Collections.binarySearch(changed, prepared, RANKING);
        if (at >= 0) {
          changed.remove(at);
        }
        int to = Collections.binarySearch(changed, candidate, RANKING);
        changed.add(to < 0 ? -to - 1 : to, candidate);
      }
    }
    return changed == null ? ranked : Collections.unmodifiableList(changed);
  }

  /** One reviewer screened for the case; NOT_ON_PANEL when the user is no panel reviewer. */
  public Candidate check(ImrCase c, String userId) {
    return check(c, userId, null);
  }

  /** As {@link #check(ImrCase, String)}, for a group of the case's items (null: every item). */
  public Candidate check(ImrCase c, String userId, Collection<Integer> itemIndexes) {
    PanelReviewer r = panel.current().byId().get(userId);
    if (r == null) {
      return new Candidate(userId, userId, false, List.of("NOT_ON_PANEL"), 0, false, "");
    }
    Screening screening = screening(c, itemIndexes);
    return screening.withCaseConflicts(r, screening.screen(r));
  }

  /**
   * The panel as a whole changed (an import, the qualification policy): every node reloads its copy.
   * Call in the transaction that makes the change.
   */
  public void panelChanged() {
    panel.changed();
  }

  /**
   * One reviewer's profile or open cases changed (assigned, released after a declared conflict,
   * their case closed): every node updates that reviewer in its copy of the panel, nothing else.
   * Call in the transaction that makes the change.
   */
  public void reviewerChanged(String userId) {
    panel.changed(userId);
  }

  /**
   * Whether any active reviewer is eligible for all these items of the case: the first question of
   * planning a review's groups (ReviewGroupPlanner), answered at the first eligible reviewer found.
   */
  public boolean anyoneFits(ImrCase c, Collection<Integer> itemIndexes) {
    Screening screening = screening(c, itemIndexes);
    ReviewerPanel.Snapshot snapshot = panel.current();
    Set<String> mayConflict = screening.mayConflict(snapshot);
    for (Candidate candidate : screening.prepared(snapshot).ranked()) {
      if (!candidate.eligible()) {
        return false;
      }
      if (!mayConflict.contains(candidate.userId())) {
        return true;
      }
      PanelReviewer r = snapshot.byId().get(candidate.userId());
      if (screening.withCaseConflicts(r, candidate).eligible()) {
        return true;
      }
    }
    return false;
  }

  private Screening screening(ImrCase c, Collection<Integer> itemIndexes) {
    Application application = json.application(c);
    List<ItemReviewers> accepted = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream()
        .filter(item -> itemIndexes == null || itemIndexes.contains(item.getItemIndex()))
        .map(json::item).map(specialties::accepted).toList();
    return new Screening(accepted, ConflictScreening.Parties.of(CaseParty.of(application)), c.declinedReviewerList(),
        clock.today());
  }

  /** One case's screening: the items' specialties, the parties, who declined it, on one day. */
  private final class Screening {
    private final List<ItemReviewers> accepted;
    private final ConflictScreening.Parties parties;
    private final List<String> declined;
    private final LocalDate today;

    Screening(List<ItemReviewers> accepted, ConflictScreening.Parties parties, List<String> declined, LocalDate today) {
      this.accepted = accepted;
      this.parties = parties;
      this.declined = declined;
      this.today = today;
    }

    /** Every reviewer of the snapshot screened for these items today, but for the case's conflicts. */
    PreparedRankings.Prepared prepared(ReviewerPanel.Snapshot snapshot) {
      return rankings.prepared(snapshot, accepted, today, this::screen);
    }

    /** Who may have a conflict with this case: tied to a party, or declined it. */
    Set<String> mayConflict(ReviewerPanel.Snapshot snapshot) {
      Set<String> tied = snapshot.mayBeTiedTo(parties);
      if (declined.isEmpty()) {
        return tied;
      }
      Set<String> all = new LinkedHashSet<>(tied);
      all.addAll(declined);
      return all;
    }

    /** The reviewer screened for these items today, but for the case's conflicts. */
    Candidate screen(PanelReviewer r) {
      List<String> reasons = QualificationRules.forCase(QualificationRules.standing(r, policy, today), r, today,
          accepted, ConflictScreening.Parties.NONE);
      return new Candidate(r.userId(), r.name(), reasons.isEmpty(), reasons, r.openCases(),
          r.hasCurrentCaliforniaLicense(today), r.specialtyLine());
    }

    /** The prepared candidate with the case's own reasons added (conflicts, then a declared conflict). */
    Candidate withCaseConflicts(PanelReviewer r, Candidate prepared) {
      Set<String> conflicts = parties.conflicts(r.affiliations());
      boolean declaredConflict = !declined.isEmpty() && declined.contains(r.userId());
      if (conflicts.isEmpty() && !declaredConflict) {
        return prepared;
      }
      List<String> reasons = new ArrayList<>(prepared.reasons());
      reasons.addAll(conflicts);
      if (declaredConflict) {
        reasons.add("DECLARED_CONFLICT");
      }
      return new Candidate(prepared.userId(), prepared.name(), false, reasons, prepared.openCases(),
          prepared.californiaLicensed(), prepared.specialtyLine());
    }
  }
}
