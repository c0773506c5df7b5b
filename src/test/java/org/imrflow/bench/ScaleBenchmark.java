package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.TestCases;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.reviewers.ReviewerCandidates;
import org.imrflow.security.Groups;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queries at Maximus scale (API.md §9): 100,000 open cases spread over the steps of a review and a
 * panel of 10,000 reviewers, then the latency of the SLA board, a reviewer's task list, a case and
 * the reviewer candidates of a case, over HTTP with Basic authentication as the users who ask.
 *
 * <p>What is real: every open case is a row of imr_case (the read model, with its disputed item)
 * AND a real imr-case process instance waiting where the case stands (records due timer, assign,
 * attest, summary or decide task, with the review's deadline timers, message subscriptions, the
 * assignee's task authorizations and the reviewer's read grant on the instance), started with the
 * engine's process instance modification so that no letter is rendered or mailed for them. The rows
 * are inserted with JDBC batches; the panel rows too. No letters, documents or audit rows exist for
 * the bulk cases.
 */
@Order(2)
class ScaleBenchmark {

  static final int OPEN = BenchResults.QUICK ? 3_000 : 100_000;
  static final int PANEL = 10_000;
  /** Reviewers who carry the assigned cases (a realistic 20-30 open cases each at 100,000). */
  static final int WORKING_REVIEWERS = OPEN / 50;
  static final int MEASURED_REVIEWERS = 5;
  static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

  private final Random random = new Random(42);

  @Test
  void queriesAtScale() throws Exception {
    Map<String, Object> figures = BenchResults.figures();
    try (ConfigurableApplicationContext app = BenchApp.h2("bench-scale")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long t0 = System.nanoTime();
      insertPanel(jdbc);
      List<String> caseNumbers = loadCases(app);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("loaded %d open cases and %d reviewers in %.0f s%n", OPEN, PANEL, loadSeconds);
      figures.put("scaleLoadSeconds", BenchResults.round(loadSeconds));
      Long open = jdbc.queryForObject("select count(*) from imr_case where is_open = true", Long.class);
      figures.put("openCases", open);
      figures.put("openEngineInstances", app.getBean(RuntimeService.class).createProcessInstanceQuery()
          .processDefinitionKey(CaseProcess.KEY).count());
      figures.put("panelSize", jdbc.queryForObject("select count(*) from reviewer where active = true", Long.class));

      Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      int n = BenchResults.QUICK ? 200 : 1000;

      long[] sla = http.time(n, i -> "/api/sla?page=0&size=50", i -> "manager");
      put(figures, "slaQuery", sla);

      long[] myTasks = http.time(n, i -> "/engine-rest/task?assignee=" + reviewer(i % MEASURED_REVIEWERS)
          + "&sortBy=dueDate&sortOrder=asc", i -> reviewer(i % MEASURED_REVIEWERS));
      put(figures, "myTasksQuery", myTasks);
      double perReviewer = 0;
      for (int r = 0; r < MEASURED_REVIEWERS; r++) {
        perReviewer += jdbc.queryForObject("select count(*) from act_ru_task where assignee_ = ?", Long.class,
            reviewer(r));
      }
      figures.put("myTasksPerReviewer", BenchResults.round(perReviewer / MEASURED_REVIEWERS));
      assertThat(perReviewer).isPositive();

      long[] queue = http.time(n / 5, i -> "/engine-rest/task?candidateGroup=" + Groups.COORDINATORS
          + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15", i -> "coordinator");
      put(figures, "coordinatorQueue", queue);

      long[] caseQuery = http.time(n, i -> "/api/cases/" + caseNumbers.get(random.nextInt(caseNumbers.size())),
          i -> "manager");
      put(figures, "caseQuery", caseQuery);

      ReviewerCandidates candidates = app.getBean(ReviewerCandidates.class);
      Cases cases = app.getBean(Cases.class);
      List<ImrCase> sample = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sample.add(cases.get(caseNumbers.get(random.nextInt(caseNumbers.size()))));
      }
      assertThat(candidates.forCase(sample.get(0))).hasSizeGreaterThanOrEqualTo(PANEL);
      long[] still = time(BenchResults.QUICK ? 300 : 2000, i -> candidates.forCase(sample.get(i % sample.size())));
      put(figures, "reviewerMatchStillPanel", still);
      // reviewerMatch*: the panel changing under the matching, as in production (issue 18): before each
      // timed match, a real assignment (an assign-reviewer task completed by the coordinator through the
      // engine, its guard recording the reviewer's change) or a final letter's panel write (a case closed,
      // its reviewer's change recorded, what SendFinalLetter does), alternately.
      int rounds = BenchResults.QUICK ? 300 : 2000;
      PanelWrites writes = new PanelWrites(app, rounds + rounds / 5);
      for (int i = 0; i < rounds / 5; i++) {
        writes.next(i);
        candidates.forCase(sample.get(i % sample.size()));
      }
      long[] match = new long[rounds];
      long[] writeNanos = new long[rounds];
      // Which matches a garbage collection fell into: the tail's usual cause on this heap (the database in it).
      long[] matchWithoutGc = new long[rounds];
      int withoutGc = 0;
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        writes.next(i);
        long collections = collections();
        long matchStart = System.nanoTime();
        candidates.forCase(sample.get(i % sample.size()));
        match[i] = System.nanoTime() - matchStart;
        writeNanos[i] = matchStart - start;
        if (collections() == collections) {
          matchWithoutGc[withoutGc++] = match[i];
        }
      }
      Arrays.sort(match);
      put(figures, "reviewerMatch", match);
      figures.put("reviewerMatchDuringGc", rounds - withoutGc);
      long[] noGc = Arrays.copyOf(matchWithoutGc, withoutGc);
      Arrays.sort(noGc);
      figures.put("reviewerMatchWithoutGcP99Millis", BenchResults.millis(noGc, 99));
      Arrays.sort(writeNanos);
      put(figures, "panelWrite", writeNanos);
      figures.put("reviewerMatchPanelWrites", writes.assignments + writes.letters);
      System.out.printf("matching under %d assignments and %d letters%n", writes.assignments, writes.letters);

      long[] reload = time(5, i -> {
        candidates.panelChanged();
        return candidates.forCase(sample.get(i));
      });
      figures.put("panelReloadMillis", BenchResults.millis(reload, 50));

      long[] matchHttp = http.time(BenchResults.QUICK ? 30 : 200,
          i -> "/api/cases/" + sample.get(i % sample.size()).getCaseNumber() + "/reviewer-candidates",
          i -> "coordinator");
      put(figures, "reviewerMatchHttp", matchHttp);
    }
    BenchResults.put(figures);
    BenchResults.print();
  }

  /**
   * The panel writes of production, one per call: a real assignment (the coordinator completes an
   * assign-reviewer task through the engine with the best eligible candidate; AssignReviewerGuard
   * records that reviewer's change) or a final letter's panel write (an assigned case closed and its
   * reviewer's change recorded in one transaction, as SendFinalLetter does), alternately.
   */
  static final class PanelWrites {
    private final TaskService tasks;
    private final IdentityService identity;
    private final ReviewerCandidates candidates;
    private final Cases cases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<Task> toAssign;
    private final List<Map<String, Object>> toClose;
    int assignments;
    int letters;

    PanelWrites(ConfigurableApplicationContext app, int n) {
      tasks = app.getBean(TaskService.class);
      identity = app.getBean(IdentityService.class);
      candidates = app.getBean(ReviewerCandidates.class);
      cases = app.getBean(Cases.class);
      jdbc = app.getBean(JdbcTemplate.class);
      tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
      toAssign = tasks.createTaskQuery().processDefinitionKey(CaseProcess.KEY)
          .taskDefinitionKey(CaseProcess.Element.ASSIGN_REVIEWER.id).listPage(0, n / 2 + 1);
      toClose = jdbc.queryForList("select case_number, reviewer_id from imr_case where is_open = true "
          + "and reviewer_id is not null order by case_number limit ?", n / 2 + 1);
    }

    void next(int i) {
      if (i % 2 == 0 && assignments < toAssign.size()) {
        Task task = toAssign.get(assignments++);
        String caseNumber = (String) tasks.getVariable(task.getId(), CaseProcess.CASE_NUMBER.name());
        String reviewer = candidates.forCase(cases.get(caseNumber)).stream().filter(c -> c.eligible())
            .findFirst().orElseThrow().userId();
        identity.setAuthentication("coordinator", List.of(Groups.COORDINATORS));
        try {
          tasks.complete(task.getId(), Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
        } finally {
          identity.clearAuthentication();
        }
      } else if (letters < toClose.size()) {
        Map<String, Object> row = toClose.get(letters++);
        tx.executeWithoutResult(status -> {
          jdbc.update("update imr_case set is_open = false, status = 'LETTER_SENT' where case_number = ?",
              row.get("CASE_NUMBER"));
          candidates.reviewerChanged((String) row.get("REVIEWER_ID"));
        });
      }
    }
  }

  /** Garbage collections so far, every collector of the JVM. */
  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static void put(Map<String, Object> figures, String name, long[] sortedNanos) {
    figures.put(name + "P50Millis", BenchResults.millis(sortedNanos, 50));
    figures.put(name + "P95Millis", BenchResults.millis(sortedNanos, 95));
    figures.put(name + "P99Millis", BenchResults.millis(sortedNanos, 99));
    System.out.printf("%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", name, BenchResults.millis(sortedNanos, 50),
        BenchResults.millis(sortedNanos, 95), BenchResults.millis(sortedNanos, 99));
  }

  /** Times calls after a warm-up of a fifth as many; sorted nanoseconds. */
  static long[] time(int n, IntFunction<?> call) {
    for (int i = 0; i < Math.max(5, n / 5); i++) {
      call.apply(i);
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      call.apply(i);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  static String reviewer(int i) {
    return String.format("rv-%05d", i + 1);
  }

  // ---- the panel ----

  private static final String[][] SPECIALTIES = {
      {"Physical Medicine and Rehabilitation", "Interventional Spine"}, {"Orthopedic Surgery", "Sports Medicine"},
      {"Occupational Medicine", ""}, {"Family Practice", ""}, {"Chiropractic", ""}, {"Pain Management", ""},
      {"Internal Medicine", "Rheumatology"}, {"Neurology", ""}, {"Psychiatry", ""}, {"Anesthesiology", "Pain Medicine"},
      {"Acupuncture", ""}, {"Neurological Surgery", ""}};
  private static final String[] STATES = {"CA", "CA", "CA", "NV", "OR", "AZ", "WA", "TX"};
  private static final String[] AFFILIATIONS = {"EMPLOYER", "CLAIMS_ADMINISTRATOR", "UR_ORGANIZATION", "PROVIDER",
      "FACILITY"};

  private void insertPanel(JdbcTemplate jdbc) {
    List<Object[]> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int i = 0; i < PANEL; i++) {
      String[] specialty = SPECIALTIES[i % SPECIALTIES.length];
      String state = STATES[random.nextInt(STATES.length)];
      LocalDate expires = LocalDate.now().plusDays(random.nextInt(1500) - 60);
      StringBuilder affiliations = new StringBuilder("[");
      for (int a = 0; a < random.nextInt(4); a++) {
        if (a > 0) {
          affiliations.append(',');
        }
        affiliations.append("{\"kind\":\"").append(AFFILIATIONS[random.nextInt(AFFILIATIONS.length)])
            .append("\",\"id\":\"ORG-").append(random.nextInt(5000)).append("\",\"name\":\"Organization ")
            .append(random.nextInt(5000)).append("\"}");
      }
      affiliations.append(']');
      rows.add(new Object[] {reviewer(i), "Reviewer " + (i + 1) + ", MD", "[\"" + specialty[0] + "\"]",
          specialty[1].isEmpty() ? "[]" : "[\"" + specialty[1] + "\"]",
          "[{\"state\":\"" + state + "\",\"number\":\"L" + i + "\",\"expires\":\"" + expires + "\"}]",
          3 + random.nextInt(30), 10 + random.nextInt(40), affiliations.toString(), true, 0, now});
    }
    jdbc.batchUpdate("insert into reviewer (user_id, name, board_certifications, subspecialties, licenses, "
        + "years_in_practice, active_practice_hours_per_week, affiliations, active, open_cases, updated_at) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    jdbc.update("update reviewer_panel_version set version = version + 1 where id = 1");
  }

  // ---- the open cases ----

  /** A step of the review where open cases wait, with its share of them. */
  private enum Step {
    RECORDS("records-due", "AWAITING_RECORDS", 30), ASSIGN("assign-reviewer", "REVIEWER_ASSIGNMENT", 15),
    ATTEST("attest-no-conflict", "IN_REVIEW", 10), SUMMARY("write-case-summary", "IN_REVIEW", 15),
    DECIDE("decide-item", "IN_REVIEW", 30);

    final String activity;
    final String status;
    final int percent;

    Step(String activity, String status, int percent) {
      this.activity = activity;
      this.status = status;
      this.percent = percent;
    }

    static Step of(int i) {
      int slot = i % 100;
      for (Step s : values()) {
        if (slot < s.percent) {
          return s;
        }
        slot -= s.percent;
      }
      throw new IllegalStateException();
    }
  }

  private record Planned(String caseNumber, Step step, LocalDate received, LocalDate recordsDue,
      LocalDate recordsComplete, LocalDate determinationDue, String reviewer) {
  }

  private List<String> loadCases(ConfigurableApplicationContext app) throws Exception {
    LocalDate today = LocalDate.now(ZONE);
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < OPEN; i++) {
      Step step = Step.of(i);
      String caseNumber = String.format("CM%02d-9%06d", today.getYear() % 100, i);
      if (step == Step.RECORDS) {
        LocalDate received = today.minusDays(random.nextInt(17));
        planned.add(new Planned(caseNumber, step, received, received.plusDays(15), null, null, null));
      } else {
        LocalDate received = today.minusDays(5 + random.nextInt(41));
        LocalDate complete = received.plusDays(3 + random.nextInt(13));
        complete = complete.isAfter(today) ? today : complete;
        String reviewer = step == Step.ASSIGN ? null : reviewer(random.nextInt(WORKING_REVIEWERS));
        planned.add(new Planned(caseNumber, step, received, received.plusDays(15), complete, complete.plusDays(30),
            reviewer));
      }
    }
    // The case rows first: the process's deadline timers take their dates from the case (TimerDates).
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    insertCaseRows(jdbc, planned, today);
    Map<String, String> instances = startInstances(app, planned);
    jdbc.batchUpdate("update imr_case set process_instance_id = ? where case_number = ?", planned.stream()
        .map(p -> new Object[] {instances.get(p.caseNumber()), p.caseNumber()}).toList());
    createMeasuredUsers(app);
    return planned.stream().map(Planned::caseNumber).toList();
  }

  /** Real imr-case instances where each case stands, on two threads in transactions of 250. */
  private Map<String, String> startInstances(ConfigurableApplicationContext app, List<Planned> planned)
      throws Exception {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    AuthorizationService authorizations = app.getBean(AuthorizationService.class);
    TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    Map<String, String> ids = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> batches = new ArrayList<>();
    int batch = 250;
    for (int from = 0; from < planned.size(); from += batch) {
      List<Planned> slice = planned.subList(from, Math.min(planned.size(), from + batch));
      batches.add(pool.submit(() -> tx.executeWithoutResult(status -> {
        for (Planned p : slice) {
          Map<String, Object> v = new HashMap<>();
          v.put(CaseProcess.CASE_NUMBER.name(), p.caseNumber());
          v.put(CaseProcess.ITEM_COUNT.name(), 1);
          if (p.determinationDue() != null) {
            v.put(CaseProcess.DETERMINATION_DUE_AT.name(), new java.util.Date(endOf(p.determinationDue()).getTime() - 1000));
          }
          if (p.reviewer() != null) {
            v.put(CaseProcess.REVIEWER_ID.name(), p.reviewer());
          }
          String id = runtime.createProcessInstanceByKey(CaseProcess.KEY).businessKey(p.caseNumber()).setVariables(v)
              .startBeforeActivity(p.step().activity).execute(true, true).getId();
          ids.put(p.caseNumber(), id);
          if (p.reviewer() != null) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId(p.reviewer());
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(id);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
          }
        }
      })));
    }
    for (Future<?> f : batches) {
      f.get();
    }
    pool.shutdown();
    return ids;
  }

  private void insertCaseRows(JdbcTemplate jdbc, List<Planned> planned, LocalDate today) {
    String application = TestCases.json("seed-pt-exceeds").toString();
    String item = TestCases.json("seed-pt-exceeds").get("disputedItems").get(0).toString();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> cases = new ArrayList<>();
    List<Object[]> items = new ArrayList<>();
    for (Planned p : planned) {
      LocalDate deadline = p.step() == Step.RECORDS ? p.recordsDue() : p.determinationDue();
      int allowed = p.step() == Step.RECORDS ? 15 : 30;
      cases.add(new Object[] {p.caseNumber(), p.step().status, true, false, Date.valueOf(p.received()),
          Date.valueOf(p.received().minusDays(10)), "bench-" + p.caseNumber(), application, true,
          null, Date.valueOf(p.received()), Date.valueOf(p.recordsDue()),
          p.recordsComplete() == null ? null : Date.valueOf(p.recordsComplete()),
          p.determinationDue() == null ? null : Date.valueOf(p.determinationDue()), Date.valueOf(deadline), allowed,
          Date.valueOf(deadline.minusDays(allowed / 5)), p.reviewer(),
          p.reviewer() == null ? null : Date.valueOf(p.recordsComplete()), now});
      items.add(new Object[] {p.caseNumber(), 0, "Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back",
          "PHYSICAL_THERAPY", item});
    }
    jdbc.batchUpdate("insert into imr_case (case_number, status, is_open, expedited, application_received_on, "
        + "ur_decision_date, dedupe_key, application, eligible, process_instance_id, notice_date, records_due, "
        + "records_complete_on, determination_due, deadline, deadline_allowed_days, at_risk_on, reviewer_id, "
        + "assigned_on, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        cases);
    jdbc.batchUpdate("insert into case_item (case_number, item_index, description, category, item) "
        + "values (?, ?, ?, ?, ?)", items);
    jdbc.update("update reviewer_panel_version set version = version + 1 where id = 1");
  }

  /** Camunda users for the reviewers whose task lists are measured (password = user id). */
  private static void createMeasuredUsers(ConfigurableApplicationContext app) {
    IdentityService identity = app.getBean(IdentityService.class);
    for (int r = 0; r < MEASURED_REVIEWERS; r++) {
      User user = identity.newUser(reviewer(r));
      user.setFirstName("Reviewer");
      user.setLastName(String.valueOf(r + 1));
      user.setPassword(reviewer(r));
      identity.saveUser(user);
      identity.createMembership(reviewer(r), Groups.REVIEWERS);
    }
  }

  private static java.util.Date endOf(LocalDate day) {
    return java.util.Date.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /** HTTP/1.1 with keep-alive and Basic authentication (password = user id, as in the demo data). */
  static final class Http {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    Http(int port) {
      this.port = port;
    }

    String get(String path, String user) {
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                .getBytes(StandardCharsets.UTF_8)))
            .GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    long[] time(int n, IntFunction<String> path, IntFunction<String> user) {
      return ScaleBenchmark.time(n, i -> get(path.apply(i), user.apply(i)));
    }
  }
}
