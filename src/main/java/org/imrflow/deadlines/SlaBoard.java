package org.imrflow.deadlines;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Open cases for managers, most urgent first: breached, then at risk, then on track, each by
 * deadline. Read from the case table's deadline columns (a read model kept by the process), one
 * indexed range query per state, so the first page stays fast at 100,000 open cases.
 */
@Service
public class SlaBoard {

  /**
   * One open case on the board; {@code processInstanceId} links it to Cockpit. A deferred case (its
   * liability disputed) says why in {@code deferredBecause}. {@code reviewer} is the (first group's)
   * reviewer as before; {@code reviewers} every assigned reviewer of the case in the order of its
   * groups of items, more than one where no single reviewer may decide every item.
   */
  public record Row(String caseNumber, CaseStatus status, boolean expedited, LocalDate deadline, Long daysLeft,
      Sla sla, String reviewer, List<String> reviewers, String processInstanceId, String deferredBecause) {

    Row withReviewers(List<String> all) {
      return new Row(caseNumber, status, expedited, deadline, daysLeft, sla, reviewer, all, processInstanceId,
          deferredBecause);
    }
  }

  /**
   * How many open cases are in each state today, for the Cockpit dashboard tile. Cases whose clock
   * has not started yet (no deadline) count as on track, as the board shows them.
   */
  public record Summary(
      @JsonProperty("BREACHED") long breached,
      @JsonProperty("AT_RISK") long atRisk,
      @JsonProperty("ON_TRACK") long onTrack,
      long open,
      LocalDate asOf) {
  }

  private static final String COLUMNS = "select case_number, status, expedited, deadline, at_risk_on, reviewer_id, "
      + "process_instance_id, deferred_because from imr_case where is_open = true ";

  private final JdbcTemplate jdbc;
  private final BusinessClock clock;

  SlaBoard(JdbcTemplate jdbc, BusinessClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Row> page(int page, int size) {
    LocalDate today = clock.today();
    States states = new States(today);
    List<Group> groups = List.of(states.breached, states.atRisk, states.onTrack, states.noDeadline);
    List<Row> rows = new ArrayList<>();
    long skip = (long) page * size;
    for (Group group : groups) {
      int need = size - rows.size();
      if (need == 0) {
        break;
      }
      if (skip > 0) {
        long inGroup = count(group);
        if (skip >= inGroup) {
          skip -= inGroup;
          continue;
        }
      }
      rows.addAll(query(group, need, skip, today));
      skip = 0;
    }
    return withLaterGroupsReviewers(rows);
  }

  /**
   * The reviewers of later groups (cases that need more than one reviewer, a few in a hundred) added
   * from one query for the page's cases; the first group's reviewer is on the case row itself.
   */
  private List<Row> withLaterGroupsReviewers(List<Row> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<String>> later = new HashMap<>();
    String in = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
    jdbc.query("select case_number, reviewer_id from review_group where group_index > 0 and reviewer_id is not null "
        + "and case_number in (" + in + ") order by case_number, group_index", rs -> {
          later.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, rows.stream().map(Row::caseNumber).toArray());
    List<Row> all = new ArrayList<>(rows.size());
    for (Row row : rows) {
      List<String> reviewers = new ArrayList<>();
      if (row.reviewer() != null) {
        reviewers.add(row.reviewer());
      }
      for (String reviewer : later.getOrDefault(row.caseNumber(), List.of())) {
        if (!reviewers.contains(reviewer)) {
          reviewers.add(reviewer);
        }
      }
      all.add(row.withReviewers(List.copyOf(reviewers)));
    }
    return all;
  }

  /**
   * Three counts with the board's own conditions, so that the tile and the board always agree:
   * all open cases and the breached ones are ranges of the (is_open, deadline) index; at risk
   * reads the cases not yet due. On track is what is left.
   */
  public Summary summary() {
    LocalDate today = clock.today();
    States states = new States(today);
    Long open = jdbc.queryForObject("select count(*) from imr_case where is_open = true", Long.class);
    long all = open == null ? 0 : open;
    long breached = count(states.breached);
    long atRisk = count(states.atRisk);
    return new Summary(breached, atRisk, all - breached - atRisk, all, today);
  }

  private record Group(String where, Object... args) {
  }

  /** The board's states as conditions on the read model; together they cover every open case once. */
  private static final class States {
    final Group breached;
    final Group atRisk;
    final Group onTrack;
    final Group noDeadline;

    States(LocalDate today) {
      Date day = Date.valueOf(today);
      breached = new Group("and deadline < ? order by deadline, case_number", day);
      atRisk = new Group("and deadline >= ? and at_risk_on <= ? order by deadline, case_number", day, day);
      onTrack = new Group("and deadline >= ? and (at_risk_on is null or at_risk_on > ?) order by deadline, case_number",
          day, day);
      noDeadline = new Group("and deadline is null order by application_received_on, case_number");
    }
  }

  private long count(Group group) {
    String where = group.where().substring(0, group.where().indexOf(" order by"));
    Long n = jdbc.queryForObject("select count(*) from imr_case where is_open = true " + where, Long.class, group.args());
    return n == null ? 0 : n;
  }

  private List<Row> query(Group group, int limit, long offset, LocalDate today) {
    Object[] args = new Object[group.args().length + 2];
    System.arraycopy(group.args(), 0, args, 0, group.args().length);
    args[args.length - 2] = limit;
    args[args.length - 1] = offset;
    return jdbc.query(COLUMNS + group.where() + " limit ? offset ?", (rs, i) -> {
      LocalDate deadline = rs.getObject(4, LocalDate.class);
      LocalDate atRiskOn = rs.getObject(5, LocalDate.class);
      return new Row(rs.getString(1), CaseStatus.valueOf(rs.getString(2)), rs.getBoolean(3), deadline,
          deadline == null ? null : ChronoUnit.DAYS.between(today, deadline), Sla.of(deadline, atRiskOn, today),
          rs.getString(6), List.of(), rs.getString(7), rs.getString(8));
    }, args);
  }
}
