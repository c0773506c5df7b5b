package org.imrflow.reviewers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.Certification;
import org.imrflow.reviewers.ReviewerProfile.Profession;
import org.imrflow.reviewers.ReviewerProfile.License;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The whole panel in memory for fast matching (10,000 reviewers in a few milliseconds).
 * Every read checks one version number in the database and reloads when another request, on
 * this node or any other, changed the panel or a reviewer's open cases: nothing a request
 * depends on is node-local.
 */
@Component
class ReviewerPanel {

  /**
   * The panel as loaded: by user id, and in the order the ranking breaks ties (fewest open cases,
   * then name), so that ranking a case's candidates needs no sort.
   */
  record Snapshot(long version, Map<String, PanelReviewer> byId, List<PanelReviewer> byWorkload) {
  }

  static final java.util.Comparator<PanelReviewer> WORKLOAD = java.util.Comparator
      .comparingInt(PanelReviewer::openCases)
      .thenComparing(PanelReviewer::name)
      .thenComparing(PanelReviewer::userId);

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
  private static final TypeReference<List<Certification>> CERTIFICATIONS = new TypeReference<>() { };
  private static final TypeReference<List<License>> LICENSES = new TypeReference<>() { };
  private static final TypeReference<List<Affiliation>> AFFILIATIONS = new TypeReference<>() { };

  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private volatile Snapshot snapshot;

  ReviewerPanel(JdbcTemplate jdbc, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  Snapshot current() {
    Long version = jdbc.queryForObject("select version from reviewer_panel_version where id = 1", Long.class);
    Snapshot s = snapshot;
    if (s == null || s.version() != version) {
      s = load(version);
      snapshot = s;
    }
    return s;
  }

  /** Call in the transaction that changes a profile or a reviewer's open cases. */
  void changed() {
    jdbc.update("update reviewer_panel_version set version = version + 1 where id = 1");
  }

  private Snapshot load(long version) {
    Map<String, Integer> open = new HashMap<>();
    jdbc.query("select reviewer_id, count(*) from imr_case where is_open = true and reviewer_id is not null "
        + "group by reviewer_id", rs -> {
          open.put(rs.getString(1), rs.getInt(2));
        });
    Map<String, PanelReviewer> byId = new LinkedHashMap<>();
    jdbc.query("select user_id, name, board_certifications, subspecialties, licenses, years_in_practice, "
        + "active_practice_hours_per_week, affiliations, active, profession, certifications from reviewer "
        + "order by user_id", rs -> {
          String profession = rs.getString(10);
          ReviewerProfile profile = new ReviewerProfile(rs.getString(1), rs.getString(2),
              profession == null ? null : Profession.valueOf(profession), read(rs.getString(3), STRINGS),
              read(rs.getString(4), STRINGS), read(rs.getString(11), CERTIFICATIONS), read(rs.getString(5), LICENSES),
              (Integer) rs.getObject(6), (Integer) rs.getObject(7), read(rs.getString(8), AFFILIATIONS),
              rs.getBoolean(9));
          byId.put(profile.userId(), PanelReviewer.of(profile, open.getOrDefault(profile.userId(), 0)));
        });
    List<PanelReviewer> byWorkload = new java.util.ArrayList<>(byId.values());
    byWorkload.sort(WORKLOAD);
    return new Snapshot(version, byId, List.copyOf(byWorkload));
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (Exception e) {
      throw new IllegalStateException("stored reviewer profile is unreadable", e);
    }
  }
}
