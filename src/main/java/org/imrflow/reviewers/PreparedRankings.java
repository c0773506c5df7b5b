package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.imrflow.reviewers.ReviewerPanel.Moves;
import org.imrflow.reviewers.ReviewerPanel.Snapshot;

/**
 * The panel screened ahead of the cases (issue 18: matching stays fast while the panel changes). For
 * one set of items' specialties on one day, every reviewer's candidacy in the panel's workload order,
 * all of it but what a case adds on its own (its parties' conflicts, the reviewers who declined it).
 * Most cases share a handful of such sets; the most recently used are kept. When the panel changes,
 * the snapshot's moves (each changed reviewer taken out and put back at its new place) are replayed
 * onto the prepared list, so only the changed reviewers are screened again.
 */
final class PreparedRankings {

  /** Sets of items' specialties kept (about 10,000 small candidates each on a large panel). */
  static final int KEPT = 32;

  private record Key(List<ItemReviewers> accepted, LocalDate day) {
  }

  /**
   * @param byWorkload each reviewer of the snapshot, at the same index, screened
   * @param ranked the active ones in {@link ReviewerCandidates#RANKING} order
   */
  record Prepared(long version, List<Candidate> byWorkload, List<Candidate> ranked) {
  }

  private final Map<Key, Prepared> prepared = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Prepared> eldest) {
      return size() > KEPT;
    }
  };

  /** The few distinct reasons lists, shared by every candidate that has them. */
  private final Map<List<String>, List<String>> reasons = new ConcurrentHashMap<>();

  /**
   * Every reviewer of the snapshot screened by {@code screen} (which must depend on nothing but the
   * reviewer, {@code accepted} and {@code day}), in workload and in ranking order.
   */
  Prepared prepared(Snapshot snapshot, List<ItemReviewers> accepted, LocalDate day,
      Function<PanelReviewer, Candidate> screen) {
    Key key = new Key(accepted, day);
    Prepared known;
    synchronized (prepared) {
      known = prepared.get(key);
    }
    if (known != null && known.version() == snapshot.version() && snapshot.shared()) {
      return known;
    }
    Function<PanelReviewer, Candidate> shared = r -> share(screen.apply(r));
    Moves moves = snapshot.moves();
    Prepared made = known != null && known.version() < snapshot.version() && moves.reach(known.version())
        ? replay(known, moves, snapshot, shared) : screenAll(snapshot, shared);
    // Only a version every request sees is kept: the transaction that changed the panel sees its own.
    if (snapshot.shared()) {
      synchronized (prepared) {
        Prepared now = prepared.get(key);
        if (now == null || now.version() < snapshot.version()) {
          prepared.put(key, made);
        }
      }
    }
    return made;
  }

  private static Prepared screenAll(Snapshot snapshot, Function<PanelReviewer, Candidate> screen) {
    List<PanelReviewer> reviewers = snapshot.byWorkload();
    List<Candidate> byWorkload = new ArrayList<>(reviewers.size());
    List<Candidate> ranked = new ArrayList<>(reviewers.size());
    for (PanelReviewer r : reviewers) {
      Candidate c = screen.apply(r);
      byWorkload.add(c);
      if (r.active()) {
        ranked.add(c);
      }
    }
    // Stable, and the workload order is the ranking's order within each of its four buckets.
    ranked.sort(ReviewerCandidates.RANKING);
    return new Prepared(snapshot.version(), Collections.unmodifiableList(byWorkload), Collections.unmodifiableList(ranked));
  }

  /** Each changed reviewer taken out of both lists and put back where its new candidacy belongs. */
  private static Prepared replay(Prepared known, Moves moves, Snapshot snapshot,
      Function<PanelReviewer, Candidate> screen) {
    List<Candidate> byWorkload = new ArrayList<>(known.byWorkload());
    List<Candidate> ranked = new ArrayList<>(known.ranked());
    for (Moves.Move move : moves.list()) {
      if (move.version() > known.version()) {
        Candidate before = byWorkload.remove(move.from());
        Candidate after = screen.apply(move.after());
        byWorkload.add(move.to(), after);
        int at = Collections.binarySearch(ranked, before, ReviewerCandidates.RANKING);
        if (at >= 0 && ranked.get(at).userId().equals(before.userId())) {
          ranked.remove(at);
        }
        if (move.after().active()) {
          int to = Collections.binarySearch(ranked, after, ReviewerCandidates.RANKING);
          ranked.add(to < 0 ? -to - 1 : to, after);
        }
      }
    }
    return new Prepared(snapshot.version(), Collections.unmodifiableList(byWorkload), Collections.unmodifiableList(ranked));
  }

  private Candidate share(Candidate c) {
    List<String> same = reasons.computeIfAbsent(c.reasons(), List::copyOf);
    return same == c.reasons() ? c : new Candidate(c.userId(), c.name(), c.eligible(), same, c.openCases(),
        c.californiaLicensed(), c.specialtyLine());
  }
}
