package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.Application;
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
   * Every active panel reviewer, ranked as {@link #RANKING} says. The panel comes ordered by
   * workload, so the ranking is four buckets filled in that order (eligible or not, California
   * licensed or not) rather than a sort of the whole panel per request.
   */
  public List<Candidate> forCase(ImrCase c) {
    return forItems(c, null);
  }

  /** As {@link #forCase}, for a group of the case's items (null: every item). */
  public List<Candidate> forItems(ImrCase c, Collection<Integer> itemIndexes) {
    Screening screening = screening(c, itemIndexes);
    List<Candidate> eligibleCa = new ArrayList<>();
    List<Candidate> eligibleElsewhere = new ArrayList<>();
    List<Candidate> ineligibleCa = new ArrayList<>();
    List<Candidate> ineligibleElsewhere = new ArrayList<>();
    ReviewerPanel.Snapshot snapshot = panel.current();
    List<List<String>> standing = standing(snapshot, screening.today);
    List<PanelReviewer> reviewers = snapshot.byWorkload();
    for (int i = 0; i < reviewers.size(); i++) {
      PanelReviewer r = reviewers.get(i);
      if (r.active()) {
        Candidate candidate = screening.candidate(r, standing.get(i));
        (candidate.eligible() ? (candidate.californiaLicensed() ? eligibleCa : eligibleElsewhere)
            : (candidate.californiaLicensed() ? ineligibleCa : ineligibleElsewhere)).add(candidate);
      }
    }
    List<Candidate> ranked = new ArrayList<>(eligibleCa.size() + eligibleElsewhere.size() + ineligibleCa.size()
        + ineligibleElsewhere.size());
    ranked.addAll(eligibleCa);
    ranked.addAll(eligibleElsewhere);
    ranked.addAll(ineligibleCa);
    ranked.addAll(ineligibleElsewhere);
    return ranked;
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
    return screening.candidate(r, QualificationRules.standing(r, policy, screening.today));
  }

  /**
   * Each reviewer's standing reasons for today, in the snapshot's workload order, computed once a day
   * per reviewer: a snapshot caught up after one reviewer changed shares every other reviewer's
   * object with the one before, so only the changed reviewer is screened again.
   */
  private List<List<String>> standing(ReviewerPanel.Snapshot snapshot, LocalDate today) {
    Standing known = this.standing;
    if (known != null && known.version() == snapshot.version() && known.day().equals(today)) {
      return known.reasons();
    }
    Map<PanelReviewer, List<String>> before = known != null && known.day().equals(today) ? known.byReviewer() : Map.of();
    List<PanelReviewer> reviewers = snapshot.byWorkload();
    List<List<String>> reasons = new ArrayList<>(reviewers.size());
    Map<PanelReviewer, List<String>> byReviewer = new IdentityHashMap<>(reviewers.size() * 2);
    for (PanelReviewer r : reviewers) {
      List<String> standing = before.get(r);
      if (standing == null) {
        standing = QualificationRules.standing(r, policy, today);
      }
      reasons.add(standing);
      byReviewer.put(r, standing);
    }
    known = new Standing(snapshot.version(), today, reasons, byReviewer);
    this.standing = known;
    return known.reasons();
  }

  private record Standing(long version, LocalDate day, List<List<String>> reasons,
      Map<PanelReviewer, List<String>> byReviewer) {
  }

  private volatile Standing standing;

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
    List<List<String>> standing = standing(snapshot, screening.today);
    List<PanelReviewer> reviewers = snapshot.byWorkload();
    for (int i = 0; i < reviewers.size(); i++) {
      if (reviewers.get(i).active() && screening.candidate(reviewers.get(i), standing.get(i)).eligible()) {
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
    return new Screening(accepted, CaseParty.of(application), c.declinedReviewerList(), clock.today());
  }

  private final class Screening {
    private final List<ItemReviewers> accepted;
    private final List<CaseParty> parties;
    private final List<String> declined;
    private final LocalDate today;

    Screening(List<ItemReviewers> accepted, List<CaseParty> parties, List<String> declined, LocalDate today) {
      this.accepted = accepted;
      this.parties = parties;
      this.declined = declined;
      this.today = today;
    }

    Candidate candidate(PanelReviewer r, List<String> standing) {
      List<String> reasons = QualificationRules.forCase(standing, r, today, accepted, parties);
      if (declined.contains(r.userId())) {
        reasons = new ArrayList<>(reasons);
        reasons.add("DECLARED_CONFLICT");
      }
      return new Candidate(r.userId(), r.name(), reasons.isEmpty(), reasons, r.openCases(),
          r.hasCurrentCaliforniaLicense(today), r.specialtyLine());
    }
  }
}
