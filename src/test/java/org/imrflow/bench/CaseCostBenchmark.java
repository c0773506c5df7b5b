package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.imrflow.mail.EmbeddedMailServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cost per case (API.md §9): complete imr-case runs, intake to final letter mailed to the embedded
 * GreenMail over SMTP, against the skeleton BPMN (src/test/resources/bench/skeleton.bpmn: the same
 * user tasks, nothing else), in the same JVM and database, after warm-up, in alternating rounds.
 * Then a JFR profile of further full cases (not timed). On H2 in memory, and on PostgreSQL when
 * one is reachable (reported separately).
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseCostBenchmark {

  /** Driving threads: the SMTP round trips of the letters wait while other cases use the CPU. */
  static final int THREADS = Integer.getInteger("bench.threads", 8);

  /** Full cases a batch of the warm-up curve (warm-up.txt). */
  private static final int WARM_UP_BATCH = 400;

  /**
   * The PostgreSQL half's warm-up, shorter than H2's: the engine's code is compiled already (the H2
   * half ran before), these cases compile what PostgreSQL's driver adds. After 400 the JIT still took
   * 9-10 ms of a full case's 42-45 ms in the rounds (session 20); warm-up-postgres.txt shows each run's curve.
   */
  private static final int POSTGRES_WARM_UP = 2000;

  /** Cases of each kind whose statements (and, for the full case, the engine's reads) are counted. */
  private static final int COUNTED_CASES = 20;

  @Test
  @Order(1)
  void fullCaseAgainstSkeletonOnH2() throws Exception {
    Map<String, Object> figures = BenchResults.figures();
    figures.put("machine", BenchResults.machine());
    figures.put("quick", BenchResults.QUICK);
    // The machine is shared: what else ran shows in the load average (1, 5, 15 minutes).
    String loadAverage = loadAverage();
    try (ConfigurableApplicationContext app = BenchApp.h2("bench-cost")) {
      // Warm-up long enough for the JIT to have compiled the full case's code (engine, H2, PDF, mail),
      // so that the rounds measure a server that has been running, not its compilers catching up. On 2
      // cores the one C2 compiler thread shares them with the 8 driving threads: after 1,200 cases it was
      // still compiling all the time (hundreds of methods every 10 s) and a case cost about 45% more CPU
      // than after 7,000, from where the rate stops climbing (session 19; warm-up.txt shows each run's curve).
      // bench.warmUp, bench.perRound and bench.rounds override both modes for A/B runs of one change.
      int warmUp = Integer.getInteger("bench.warmUp", BenchResults.QUICK ? 24 : 8000);
      Rates rates = measure(app, warmUp, Integer.getInteger("bench.perRound", BenchResults.QUICK ? 40 : 400),
          Integer.getInteger("bench.rounds", BenchResults.QUICK ? 2 : 3), () -> 0, "warm-up.txt");
      figures.put("warmUpCases", warmUp);
      figures.putAll(rates.figures(""));
      figures.put("loadAverageBefore", loadAverage);
      figures.put("benchThreads", THREADS);
      figures.put("casesPerRound", rates.casesPerRound());
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      CaseDriver countedSkeleton = new CaseDriver(app).countingStatements(jdbc);
      figures.put("skeletonCaseSqlStatements", statementsPerCase(jdbc, COUNTED_CASES, 8_000_000,
          countedSkeleton::skeletonCase, BenchResults.DIR.resolve("skeleton-case-statements.txt")));
      EngineReads reads = app.getBean(EngineReads.class);
      reads.start();
      CaseDriver countedFull = new CaseDriver(app).countingStatements(jdbc);
      figures.put("fullCaseSqlStatements", statementsPerCase(jdbc, COUNTED_CASES, 8_100_000, countedFull::fullCase,
          BenchResults.DIR.resolve("full-case-statements.txt")));
      reads.stop(COUNTED_CASES, BenchResults.DIR.resolve("full-case-engine-reads.txt"));
      // Statements and CPU by step, one case at a time: where the full case's statements beyond the skeleton's go.
      Files.writeString(BenchResults.DIR.resolve("case-steps-counted.txt"), countedFull.stepsReport(COUNTED_CASES)
          + "\nthe skeleton's\n" + countedSkeleton.stepsReport(COUNTED_CASES));
      Files.writeString(BenchResults.DIR.resolve("case-steps-statements.txt"), countedFull.stepStatementsReport(COUNTED_CASES)
          + "\n\nthe skeleton's\n" + countedSkeleton.stepStatementsReport(COUNTED_CASES));
      BenchResults.put(figures);

      if (!Boolean.getBoolean("bench.noProfile")) {
        CaseDriver driver = new CaseDriver(app);
        // 1,000: the cases run compiled now (see Profile), about 40 samples of the driving threads a second.
        int profiled = Integer.getInteger("bench.profiledCases", BenchResults.QUICK ? 24 : 1000);
        Profile profile = Profile.start();
        Load.run(THREADS, profiled, 9_000_000, driver::fullCase);
        String summary = profile.stop(BenchResults.DIR.resolve("full-case.jfr"), "Full imr-case, H2 in memory");
        System.out.println(summary);
        // The skeleton's steps beside them (not profiled): what each user task costs beyond the bare engine's.
        CaseDriver skeleton = new CaseDriver(app);
        Load.run(THREADS, profiled, 9_500_000, skeleton::skeletonCase);
        String steps = driver.stepsReport(profiled) + "\nthe skeleton's (" + profiled + " cases)\n"
            + skeleton.stepsReport(profiled);
        Files.writeString(BenchResults.DIR.resolve("full-case-steps.txt"), steps);
        System.out.println(steps);
      }
    }
    BenchResults.print();
  }

  /**
   * After the H2 half (session 20; before it until then): the H2 figures, the goals', come from a JVM
   * that has run nothing else, and the PostgreSQL half starts on code the H2 half's warm-up compiled.
   */
  @Test
  @Order(2)
  void fullCaseAgainstSkeletonOnPostgres() throws Exception {
    if (BenchResults.QUICK) {
      System.out.println("PostgreSQL figures skipped in quick mode");
      return;
    }
    var unreachable = BenchApp.postgresUnreachable();
    if (unreachable.isPresent()) {
      System.out.println("PostgreSQL figures skipped: " + unreachable.get());
      BenchResults.put(Map.of("postgres.skipped", unreachable.get()));
      return;
    }
    String url = BenchApp.createPostgresDatabase();
    try (ConfigurableApplicationContext app = BenchApp.start("bench-cost-pg", url, BenchApp.PG_USER,
        BenchApp.PG_PASSWORD)) {
      // The server's CPU too: on PostgreSQL what H2 does in the JVM runs in the server's processes.
      Rates rates = measure(app, POSTGRES_WARM_UP, 150, 2, PostgresServerCpu::seconds, "warm-up-postgres.txt");
      Map<String, Object> figures = rates.figures("postgres.");
      figures.put("postgres.warmUpCases", POSTGRES_WARM_UP);
      if (!Double.isNaN(rates.fullServerCpuMillis())) {
        figures.put("postgres.fullCaseServerCpuMillis", rates.fullServerCpuMillis());
        figures.put("postgres.skeletonCaseServerCpuMillis", rates.skeletonServerCpuMillis());
        figures.put("postgres.fullToSkeletonCpuRatioWithServer", BenchResults.round(
            (rates.fullCpuMillis() + rates.fullServerCpuMillis())
                / (rates.skeletonCpuMillis() + rates.skeletonServerCpuMillis())));
      }
      BenchResults.put(figures);
    } finally {
      BenchApp.dropPostgresDatabase(url);
    }
    BenchResults.print();
  }

  /**
   * Where the JVM's side of a full case goes on PostgreSQL (the server's own CPU is measured with the
   * rates above): a JFR profile, last, since the cases timed after a recording in the same JVM ran
   * slower (the first H2 round 60% more CPU a case when this profile ran before it).
   */
  @Test
  @Order(3)
  void fullCaseOnPostgresProfiled() throws Exception {
    if (BenchResults.QUICK || Boolean.getBoolean("bench.noProfile") || BenchApp.postgresUnreachable().isPresent()) {
      return;
    }
    String url = BenchApp.createPostgresDatabase();
    try (ConfigurableApplicationContext app = BenchApp.start("bench-cost-pg-profile", url, BenchApp.PG_USER,
        BenchApp.PG_PASSWORD)) {
      CaseDriver driver = new CaseDriver(app);
      // The code is compiled already (the halves before ran the same cases); this warms the new pool and caches.
      Load.run(THREADS, 100, 1_000_000, driver::fullCase);
      Profile profile = Profile.start();
      Load.run(THREADS, Integer.getInteger("bench.profiledCases", 200), 9_000_000, driver::fullCase);
      System.out.println(profile.stop(BenchResults.DIR.resolve("full-case-postgres.jfr"),
          "Full imr-case, PostgreSQL (the JVM's side)"));
    } finally {
      BenchApp.dropPostgresDatabase(url);
    }
  }

  /** The server's CPU figures are NaN when it was not measured (H2 runs in the JVM). */
  record Rates(double full, double skeleton, double fullP50, double fullP99, double skeletonP50, int casesPerRound,
      double fullCpuMillis, double skeletonCpuMillis, double fullServerCpuMillis, double skeletonServerCpuMillis) {

    /** The figures both databases report, their keys prefixed ("postgres." for PostgreSQL's). */
    Map<String, Object> figures(String prefix) {
      Map<String, Object> figures = BenchResults.figures();
      figures.put(prefix + "fullCasesPerSecond", BenchResults.round(full));
      figures.put(prefix + "skeletonCasesPerSecond", BenchResults.round(skeleton));
      figures.put(prefix + "fullToSkeletonCostRatio", BenchResults.round(skeleton / full));
      figures.put(prefix + "fullCaseMillisP50", fullP50);
      figures.put(prefix + "fullCaseMillisP99", fullP99);
      figures.put(prefix + "skeletonCaseMillisP50", skeletonP50);
      figures.put(prefix + "fullCaseCpuMillis", fullCpuMillis);
      figures.put(prefix + "skeletonCaseCpuMillis", skeletonCpuMillis);
      figures.put(prefix + "fullToSkeletonCpuRatio", BenchResults.round(fullCpuMillis / skeletonCpuMillis));
      return figures;
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Warm-up, then rounds of skeleton and full cases in turn; the rates over all rounds.
   *
   * @param curve the file in target/bench that gets the full cases' warm-up curve
   */
  private static Rates measure(ConfigurableApplicationContext app, int warmUp, int perRound, int rounds,
      DoubleSupplier serverCpu, String curve) throws Exception {
    RepositoryService repository = app.getBean(RepositoryService.class);
    repository.createDeployment().name("bench-skeleton")
        .addInputStream("bench/skeleton.bpmn", CaseCostBenchmark.class.getResourceAsStream("/bench/skeleton.bpmn"))
        .deploy();
    CaseDriver driver = new CaseDriver(app);
    EmbeddedMailServer mail = app.getBean(EmbeddedMailServer.class);
    Files.createDirectories(BenchResults.DIR);

    Load.run(THREADS, warmUp, 1_000_000, driver::skeletonCase);
    warmUp(driver, warmUp, serverCpu, curve);
    checkAllEnded(app);
    mail.purge();

    List<Load.Outcome> full = new ArrayList<>();
    List<Load.Outcome> skeleton = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      skeleton.add(Load.run(THREADS, perRound, 2_000_000 + round * perRound, driver::skeletonCase, serverCpu));
      full.add(Load.run(THREADS, perRound, 3_000_000 + round * perRound, driver::fullCase, serverCpu));
      checkAllEnded(app);
      // Every party of every case got the notice and the final letter: 4 + 4 messages a case.
      assertThat(mail.received()).hasSize(perRound * 8);
      mail.purge();
      System.out.printf("round %d: skeleton %.1f cases/s (%.1f ms CPU each, the JIT's %.1f), full %.1f cases/s "
          + "(%.1f ms CPU each, the JIT's %.1f)%n", round + 1, skeleton.get(round).perSecond(),
          1000 * skeleton.get(round).cpuSeconds() / perRound, 1000 * skeleton.get(round).jitCpuSeconds() / perRound,
          full.get(round).perSecond(), 1000 * full.get(round).cpuSeconds() / perRound,
          1000 * full.get(round).jitCpuSeconds() / perRound);
    }
    long[] fullNanos = merged(full);
    return new Rates(rate(full), rate(skeleton), BenchResults.millis(fullNanos, 50), BenchResults.millis(fullNanos, 99),
        BenchResults.millis(merged(skeleton), 50), perRound, cpuMillis(full), cpuMillis(skeleton),
        serverCpuMillis(full), serverCpuMillis(skeleton));
  }

  /**
   * Full cases in batches of 400 until {@code cases} have run, each batch's rate, CPU a case and the
   * JIT compiler threads' part of it written to the file {@code curve}:
   * it shows whether the rounds after it start where the rate has stopped climbing.
   */
  private static void warmUp(CaseDriver driver, int cases, DoubleSupplier serverCpu, String curve) throws Exception {
    StringBuilder lines = new StringBuilder("full cases run so far, then that batch's rate, CPU a case and the JIT "
        + "compiler threads' part of it\n");
    for (int done = 0; done < cases; ) {
      int batch = Math.min(WARM_UP_BATCH, cases - done);
      Load.Outcome outcome = Load.run(THREADS, batch, 1_000_000 + done, driver::fullCase, serverCpu);
      done += batch;
      lines.append(String.format("%6d  %6.1f cases/s  %6.1f ms CPU each, the JIT's %5.1f%n", done,
          outcome.perSecond(), 1000 * outcome.cpuSeconds() / batch, 1000 * outcome.jitCpuSeconds() / batch));
    }
    Files.writeString(BenchResults.DIR.resolve(curve), lines);
    System.out.print(lines);
  }

  /**
   * SQL statements one case issues, counted by H2 itself (INFORMATION_SCHEMA.QUERY_STATISTICS: every
   * statement executed, each row of a JDBC batch and each COMMIT included): n cases run
   * one after the other on one thread, statistics on only meanwhile, total divided by n.
   */
  static double statementsPerCase(JdbcTemplate jdbc, int n, int firstNumber, IntFunction<?> oneCase,
      Path breakdown) throws Exception {
    jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    try {
      Load.run(1, n, firstNumber, oneCase);
      // Reads of the statistics themselves (this one, a counting driver's around each step) left out.
      Long executed = jdbc.queryForObject("select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS "
          + "where SQL_STATEMENT not like '%INFORMATION_SCHEMA.QUERY_STATISTICS%'", Long.class);
      // H2's own time for each statement (its execution only, not the driver's or MyBatis's work around it).
      StringBuilder top = new StringBuilder("per case, most frequent first (" + n + " cases counted): statements, "
          + "H2's execution time in microseconds\n");
      jdbc.query("select EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT from INFORMATION_SCHEMA.QUERY_STATISTICS "
          + "where SQL_STATEMENT not like '%INFORMATION_SCHEMA.QUERY_STATISTICS%' "
          + "order by EXECUTION_COUNT desc, CUMULATIVE_EXECUTION_TIME desc", rs -> {
            String sql = rs.getString(3).replaceAll("\\s+", " ");
            top.append(String.format("%7.1f %7.0f  %s%n", rs.getLong(1) / (double) n, rs.getDouble(2) * 1000 / n,
                sql.substring(0, Math.min(160, sql.length()))));
          });
      Files.writeString(breakdown, top);
      return BenchResults.round(executed / (double) n);
    } finally {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
  }

  private static void checkAllEnded(ConfigurableApplicationContext app) {
    assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().count())
        .as("every case and skeleton ran to its end").isZero();
    assertThat(app.getBean(HistoryService.class).createHistoricIncidentQuery().count()).isZero();
    Long unsent = app.getBean(JdbcTemplate.class).queryForObject(
        "select count(*) from letter_delivery where status <> 'SENT'", Long.class);
    assertThat(unsent).isZero();
  }

  private static double rate(List<Load.Outcome> outcomes) {
    return outcomes.stream().mapToInt(Load.Outcome::cases).sum()
        / outcomes.stream().mapToDouble(Load.Outcome::seconds).sum();
  }

  /** The database server's CPU milliseconds per case; NaN when it could not be read. */
  private static double serverCpuMillis(List<Load.Outcome> outcomes) {
    double millis = 1000 * outcomes.stream().mapToDouble(Load.Outcome::serverCpuSeconds).sum()
        / outcomes.stream().mapToInt(Load.Outcome::cases).sum();
    return Double.isNaN(millis) ? Double.NaN : BenchResults.round(millis);
  }

  /** JVM CPU milliseconds per case. */
  private static double cpuMillis(List<Load.Outcome> outcomes) {
    return BenchResults.round(1000 * outcomes.stream().mapToDouble(Load.Outcome::cpuSeconds).sum()
        / outcomes.stream().mapToInt(Load.Outcome::cases).sum());
  }

  private static long[] merged(List<Load.Outcome> outcomes) {
    long[] all = outcomes.stream().flatMapToLong(o -> Arrays.stream(o.sortedNanos())).toArray();
    Arrays.sort(all);
    return all;
  }
}
