package org.imrflow.reviewers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.imrflow.persistence.Database;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.Certification;
import org.imrflow.reviewers.ReviewerProfile.License;
import org.imrflow.reviewers.ReviewerProfile.Profession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The whole panel in memory for fast matching (a case screened against 10,000 reviewers in under a
 * millisecond, with PreparedRankings).
 * Every read checks one version number in the database and catches up when another request, on
 * this node or any other, changed the panel or a reviewer's open cases: nothing a request
 * depends on is node-local. Each version records the one reviewer it changed (table
 * {@code reviewer_panel_change}), so catching up reloads those reviewers only (two small queries
 * each) rather than the whole panel (~54 ms at 10,000 reviewers); a change of the whole panel, or a
 * node further behind than the changes kept, reloads it all.
 */
@Component
class ReviewerPanel {

  /**
   * The panel as loaded or caught up: by user id, and in the order the ranking breaks ties (fewest
   * open cases, then name), so that ranking a case's candidates needs no sort; how that order came
   * from the snapshots before ({@code moves}, for prepared rankings); the reviewers by affiliation
   * (to find who may be tied to a case's parties); and whether every request may use it.
   */
  record Snapshot(long version, ById byId, List<PanelReviewer> byWorkload, Moves moves,
      Map<String, Set<String>> byAffiliation, boolean shared) {

    /** This snapshot as every request may use it (false: seen only by the transaction that changed it). */
    Snapshot kept(boolean kept) {
      return kept == shared ? this : new Snapshot(version, byId, byWorkload, moves, byAffiliation, kept);
    }

    /**
     * The reviewers who may be tied to one of these parties (an affiliation with one of their ids or
     * names; ConflictScreening.Parties#keys): a superset, which the screening of each one narrows.
     */
    Set<String> mayBeTiedTo(ConflictScreening.Parties parties) {
      Set<String> tied = null;
      for (String key : parties.keys()) {
        Set<String> ids = byAffiliation.get(key);
        if (ids != null) {
          if (tied == null) {
            tied = new LinkedHashSet<>();
          }
          tied.addAll(ids);
        }
      }
      return tied == null ? Set.of() : tied;
    }
  }

  /** Reviewers by the lookup keys of their affiliations, to find those tied to a case's parties. */
  private static Map<String, Set<String>> byAffiliation(Collection<PanelReviewer> reviewers,
      Map<String, Set<String>> before) {
    // Built here and never changed once the snapshot is out.
    Map<String, Set<String>> index = new HashMap<>();
    before.forEach((key, ids) -> index.put(key, new HashSet<>(ids)));
    for (PanelReviewer r : reviewers) {
      for (ReviewerProfile.Affiliation a : r.affiliations()) {
        for (String key : ConflictScreening.Parties.keys(a)) {
          index.computeIfAbsent(key, k -> new HashSet<>()).add(r.userId());
        }
      }
    }
    return index;
  }

  /**
   * The panel by user id, in user id order: the last full load's map and the reviewers changed since,
   * so that a change does not copy 10,000 entries. Neither map changes once the snapshot is out.
   */
  static final class ById extends AbstractMap<String, PanelReviewer> {

    /** Changed reviewers kept apart from the loaded map; beyond this many, one map again. */
    private static final int CHANGED_KEPT = 512;

    private final Map<String, PanelReviewer> loaded;
    private final Map<String, PanelReviewer> changed;

    ById(Map<String, PanelReviewer> loaded, Map<String, PanelReviewer> changed) {
      this.loaded = loaded;
      this.changed = changed;
    }

    /** This map with these reviewers (all already in it) replaced. */
    ById with(Map<String, PanelReviewer> replaced) {
      Map<String, PanelReviewer> all = new HashMap<>(changed);
      all.putAll(replaced);
      if (all.size() <= CHANGED_KEPT) {
        return new ById(loaded, all);
      }
      Map<String, PanelReviewer> merged = new LinkedHashMap<>(loaded);
      merged.putAll(all);
      return new ById(merged, Map.of());
    }

    @Override
    public PanelReviewer get(Object userId) {
      PanelReviewer r = changed.get(userId);
      return r != null ? r : loaded.get(userId);
    }

    @Override
    public boolean containsKey(Object userId) {
      return loaded.containsKey(userId);
    }

    @Override
    public int size() {
      return loaded.size();
    }

    @Override
    public Set<Entry<String, PanelReviewer>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, PanelReviewer>> iterator() {
          Iterator<String> ids = loaded.keySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return ids.hasNext();
            }

            @Override
            public Entry<String, PanelReviewer> next() {
              String id = ids.next();
              return Map.entry(id, get(id));
            }
          };
        }

        @Override
        public int size() {
          return loaded.size();
        }
      };
    }
  }

  /**
   * How {@code byWorkload} came to be from the snapshots before it, version by version: each changed
   * reviewer taken out at {@code from} and put back at {@code to}. Whatever keeps a list in the
   * same order as an older snapshot's (a prepared ranking) replays them instead of starting over.
   *
   * @param since the oldest version the moves start from: replayable onto any list of that version or later
   */
  record Moves(long since, List<Move> list) {

    record Move(long version, int from, int to, PanelReviewer after) {
    }

    /** Moves of this many versions are kept; a list further behind is made anew. */
    static final int VERSIONS_KEPT = 256;

    static Moves none(long version) {
      return new Moves(version, List.of());
    }

    boolean reach(long version) {
      return version >= since;
    }

    Moves then(long version, List<Move> added) {
      long keepFrom = Math.max(since, version - VERSIONS_KEPT);
      List<Move> kept = new ArrayList<>(list.size() + added.size());
      for (Move m : list) {
        if (m.version() > keepFrom) {
          kept.add(m);
        }
      }
      kept.addAll(added);
      return new Moves(keepFrom, List.copyOf(kept));
    }
  }

  static final Comparator<PanelReviewer> WORKLOAD = Comparator
      .comparingInt(PanelReviewer::openCases)
      .thenComparing(PanelReviewer::name)
      .thenComparing(PanelReviewer::userId);

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
  private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() { };
  private static final TypeReference<List<License>> LICENSES = new TypeReference<>() { };
  private static final TypeReference<List<Affiliation>> AFFILIATIONS = new TypeReference<>() { };

  /** More changes than this since the copy was made: a full reload is as cheap. */
  static final int MAX_CATCH_UP = 200;
  /** Change rows kept for nodes that are behind; pruned every PRUNE_EVERY versions. */
  static final int CHANGES_KEPT = 1000;
  private static final int PRUNE_EVERY = 100;

  private static final String PROFILE_COLUMNS = "user_id, name, board_certifications, subspecialties, licenses, "
      + "years_in_practice, active_practice_hours_per_week, affiliations, active, profession, certifications";

  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private final String nextVersion;
  private volatile Snapshot snapshot;

  ReviewerPanel(JdbcTemplate jdbc, ObjectMapper mapper, Database database) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    // Counted up and read back in one statement: PostgreSQL returns the row it updated, H2 selects from it.
    this.nextVersion = database.isPostgres()
        ? "update reviewer_panel_version set version = version + 1 where id = 1 returning version"
        : "select version from final table (update reviewer_panel_version set version = version + 1 where id = 1)";
  }

  Snapshot current() {
    Long version = jdbc.queryForObject("select version from reviewer_panel_version where id = 1", Long.class);
    Snapshot s = snapshot;
    if (s == null || s.version() != version) {
      Snapshot caughtUp = s == null || version < s.version() || version - s.version() > MAX_CATCH_UP
          ? null : catchUp(s, version);
      s = caughtUp != null ? caughtUp : load(version);
      // A transaction that recorded a change sees its own version before its case changes are flushed
      // (its changed cases are written at its next query or commit): what it reads now is not that
      // version's panel, so it is not kept.
      boolean keep = !TransactionSynchronizationManager.hasResource(UNCOMMITTED_CHANGE);
      s = s.kept(keep);
      if (keep) {
        snapshot = s;
      }
    }
    return s;
  }

  /** Bound to a transaction that recorded a panel change, until it completes. */
  private static final Object UNCOMMITTED_CHANGE = new Object();

  /** Call in the transaction that changes the panel as a whole (a bulk import, a policy). */
  void changed() {
    record(null);
  }

  /** Call in the transaction that changes one reviewer's profile or open cases. */
  void changed(String userId) {
    record(userId);
  }

  private void record(String userId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(UNCOMMITTED_CHANGE)) {
      TransactionSynchronizationManager.bindResource(UNCOMMITTED_CHANGE, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(UNCOMMITTED_CHANGE);
        }
      });
    }
    long version = jdbc.queryForObject(nextVersion, Long.class);
    jdbc.update("insert into reviewer_panel_change (version, user_id) values (?, ?)", version, userId);
    if (version % PRUNE_EVERY == 0) {
      jdbc.update("delete from reviewer_panel_change where version <= ?", version - CHANGES_KEPT);
    }
  }

  /**
   * The copy brought up to {@code version} by reloading the reviewers changed since, or null when
   * only a full reload will do: a change of the whole panel, changes no longer kept (or made by a
   * bulk load that records none), a reviewer new to the panel or gone from it.
   */
  private Snapshot catchUp(Snapshot s, long version) {
    List<Map.Entry<Long, String>> changes = jdbc.query("select version, user_id from reviewer_panel_change "
        + "where version > ? and version <= ? order by version",
        (rs, i) -> Map.entry(rs.getLong(1), Objects.requireNonNullElse(rs.getString(2), "")),
        s.version(), version);
    if (changes.size() != version - s.version()) {
      return null;
    }
    Set<String> changed = new LinkedHashSet<>();
    for (Map.Entry<Long, String> change : changes) {
      if (change.getValue().isEmpty()) {
        return null;
      }
      changed.add(change.getValue());
    }
    Map<String, PanelReviewer> byId = new HashMap<>();
    List<PanelReviewer> byWorkload = new ArrayList<>(s.byWorkload());
    List<Moves.Move> moves = new ArrayList<>(changed.size());
    for (String userId : changed) {
      PanelReviewer before = s.byId().get(userId);
      List<ReviewerProfile> profile = jdbc.query("select " + PROFILE_COLUMNS + " from reviewer where user_id = ?",
          (rs, i) -> profile(rs), userId);
      if (before == null || profile.isEmpty()) {
        return null;
      }
      Integer open = jdbc.queryForObject("select (" + OPEN_CASES + ") + (" + OPEN_LATER_GROUPS + ")", Integer.class,
          userId, userId);
      PanelReviewer after = PanelReviewer.of(profile.get(0), open == null ? 0 : open);
      byId.put(userId, after);
      int at = Collections.binarySearch(byWorkload, before, WORKLOAD);
      if (at < 0) {
        return null;
      }
      byWorkload.remove(at);
      int to = Collections.binarySearch(byWorkload, after, WORKLOAD);
      to = to < 0 ? -to - 1 : to;
      byWorkload.add(to, after);
      moves.add(new Moves.Move(version, at, to, after));
    }
    // An old affiliation stays in the index (a superset does no harm); a new one is added.
    List<PanelReviewer> newAffiliations = moves.stream().map(Moves.Move::after)
        .filter(r -> !r.affiliations().equals(s.byId().get(r.userId()).affiliations())).toList();
    return new Snapshot(version, s.byId().with(byId), Collections.unmodifiableList(byWorkload),
        s.moves().then(version, moves),
        newAffiliations.isEmpty() ? s.byAffiliation() : byAffiliation(newAffiliations, s.byAffiliation()), false);
  }

  /**
   * A reviewer's open cases: those whose (first) reviewer they are, counted on imr_case's index of open
   * cases by reviewer as before groups existed, plus the rare ones where they review a later group only.
   * The later groups are those from index 1 on: H2 starts an index range at its lower bound whether or
   * not the bound is included, so "> 0" read every group 0 of the reviewer, every case they ever
   * reviewed (a read growing with their history, at every assignment and letter); ">= 1" starts past them.
   */
  private static final String OPEN_CASES = "select count(*) from imr_case where is_open = true and reviewer_id = ?";
  private static final String OPEN_LATER_GROUPS = "select count(distinct g.case_number) from review_group g "
      + "join imr_case c on c.case_number = g.case_number where g.reviewer_id = ? and g.group_index >= 1 "
      + "and c.is_open = true and (c.reviewer_id is null or c.reviewer_id <> g.reviewer_id)";

  private Snapshot load(long version) {
    Map<String, Integer> open = new HashMap<>();
    jdbc.query("select reviewer_id, count(*) from imr_case where is_open = true and reviewer_id is not null "
        + "group by reviewer_id", rs -> {
          open.put(rs.getString(1), rs.getInt(2));
        });
    jdbc.query("select g.reviewer_id, count(distinct g.case_number) from review_group g join imr_case c "
        + "on c.case_number = g.case_number where g.group_index > 0 and g.reviewer_id is not null and c.is_open = true "
        + "and (c.reviewer_id is null or c.reviewer_id <> g.reviewer_id) group by g.reviewer_id", rs -> {
          open.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        });
    Map<String, PanelReviewer> byId = new LinkedHashMap<>();
    jdbc.query("select " + PROFILE_COLUMNS + " from reviewer order by user_id", rs -> {
      ReviewerProfile profile = profile(rs);
      byId.put(profile.userId(), PanelReviewer.of(profile, open.getOrDefault(profile.userId(), 0)));
    });
    List<PanelReviewer> byWorkload = new ArrayList<>(byId.values());
    byWorkload.sort(WORKLOAD);
    return new Snapshot(version, new ById(byId, Map.of()), List.copyOf(byWorkload), Moves.none(version),
        byAffiliation(byWorkload, Map.of()), false);
  }

  private ReviewerProfile profile(ResultSet rs) throws SQLException {
    String profession = rs.getString(10);
    return new ReviewerProfile(rs.getString(1), rs.getString(2),
        profession == null ? null : Profession.valueOf(profession), read(rs.getString(3), STRINGS),
        read(rs.getString(4), STRINGS), read(rs.getString(11), CERTIFICATIONS), read(rs.getString(5), LICENSES),
        (Integer) rs.getObject(6), (Integer) rs.getObject(7), read(rs.getString(8), AFFILIATIONS),
        rs.getBoolean(9));
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (Exception e) {
      throw new IllegalStateException("stored reviewer profile is unreadable", e);
    }
  }
}
