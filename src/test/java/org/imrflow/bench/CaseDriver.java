package org.imrflow.bench;

import org.imrflow.process.CaseProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.imrflow.TestCases;
import org.imrflow.security.CurrentUser;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.Application;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.intake.RecordsReceipt;
import org.imrflow.security.Groups;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives one case from intake to its mailed letter the way people and the job executor would:
 * the application and the records through IMRflow's services (as the /api controllers call them,
 * as the coordinator), every user task completed through the engine's TaskService as its
 * (authenticated) user, and every due job (the save points, the notice and the final letter with
 * their SMTP deliveries) executed as soon as it is due, by the same thread.
 */
final class CaseDriver {

  static final String SKELETON_KEY = "bench-skeleton";

  /** Demo panel reviewers who are eligible for the sample case (no conflict, qualified). */
  private static final List<String> REVIEWERS = List.of("dr-okafor", "dr-morales", "dr-johnson", "dr-haddad",
      "dr-chen");

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What each step of a case cost, summed over the cases this driver ran ("1 intake", "3 assign-reviewer: complete", ...). */
  private record StepSums(LongAdder cpuNanos, LongAdder calls, LongAdder statements, Map<String, LongAdder> bySql) {
    StepSums() {
      this(new LongAdder(), new LongAdder(), new LongAdder(), new ConcurrentHashMap<>());
    }
  }

  private final Map<String, StepSums> steps = new ConcurrentSkipListMap<>();
  private final Map<String, String> jobActivities = new ConcurrentHashMap<>();
  /** Set when the driver counts each step's statements (cases run one at a time). */
  private JdbcTemplate statements;
  private final AtomicLong statisticsReads = new AtomicLong();

  private final Intake intake;
  private final Records records;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ObjectMapper mapper;
  private final ObjectNode sample;
  private final LocalDate today;
  private final Date determinationDueAt;

  CaseDriver(ApplicationContext context) {
    this.intake = context.getBean(Intake.class);
    this.records = context.getBean(Records.class);
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.identity = context.getBean(IdentityService.class);
    this.mapper = context.getBean(ObjectMapper.class);
    this.today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
    // The sample the process tests use (one disputed item, four parties with an address), received today.
    this.sample = TestCases.receivedOn(TestCases.json("seed-pt-exceeds"), today);
    this.determinationDueAt = Date.from(today.plusDays(30).atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant());
  }

  /** Intake to letter mailed; the process instance id. */
  String fullCase(int n) {
    ObjectNode json = sample.deepCopy();
    ((ObjectNode) json.get("employee")).put("claimNumber", "WC-B-" + n + "-" + UUID.randomUUID().toString().substring(0, 6));
    Application application = mapper.convertValue(json, Application.class);
    ImrCase c = step("1 intake", () -> asApiUser(() -> intake.apply(application)));
    String pi = c.getProcessInstanceId();
    runDue(pi, "1 intake");
    step("2 records", () -> asApiUser(() -> records.receive(c.getCaseNumber(), new RecordsReceipt(today, true,
        List.of(new RecordsReceipt.Document("PR-2 progress report", today.minusDays(5), "Dr. Il"))))));
    String reviewer = REVIEWERS.get(Math.floorMod(n, REVIEWERS.size()));
    review(pi, reviewer, true);
    return pi;
  }

  /** The skeleton: the same user tasks completed the same way, nothing else. */
  String skeletonCase(int n) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CaseProcess.CASE_NUMBER.name(), "BENCH-" + n);
    variables.put(CaseProcess.ITEM_COUNT.name(), 1);
    variables.put(CaseProcess.DETERMINATION_DUE_AT.name(), determinationDueAt);
    String pi = step("1 start", () -> runtime.startProcessInstanceByKey(SKELETON_KEY, "BENCH-" + n, variables).getId());
    review(pi, REVIEWERS.get(Math.floorMod(n, REVIEWERS.size())), false);
    return pi;
  }

  private void review(String pi, String reviewer, boolean jobs) {
    completeThenRunDue(pi, "3", "assign-reviewer", "coordinator", Groups.COORDINATORS,
        Map.of(CaseProcess.REVIEWER_ID.name(), reviewer), jobs);
    completeThenRunDue(pi, "4", "attest-no-conflict", reviewer, Groups.REVIEWERS,
        Map.of(CaseProcess.NO_CONFLICT.name(), true), jobs);
    completeThenRunDue(pi, "5", "write-case-summary", reviewer, Groups.REVIEWERS, Map.of(CaseProcess.CASE_SUMMARY.name(),
        "The patient is a 21 year old male with neck and low back pain. Eleven visits of therapy were completed."), jobs);
    completeThenRunDue(pi, "6", "decide-item", reviewer, Groups.REVIEWERS, Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99",
        CaseProcess.RATIONALE.name(), "The requested visits exceed the guideline."), jobs);
  }

  /** One user task completed, then (in a full case) the jobs it left due; its steps named "{number} {task}: ...". */
  private void completeThenRunDue(String pi, String number, String taskKey, String user, String group,
      Map<String, Object> variables, boolean jobs) {
    String label = number + " " + taskKey;
    List<Task> open = step(label + ": task query", () -> tasks.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(taskKey).list());
    if (open.isEmpty()) {
      throw new IllegalStateException("no task " + taskKey + " in " + pi);
    }
    for (Task task : open) {
      identity.setAuthentication(user, List.of(group));
      try {
        step(label + ": complete", () -> {
          tasks.complete(task.getId(), new HashMap<>(variables));
          return null;
        });
      } finally {
        identity.clearAuthentication();
      }
    }
    if (jobs) {
      runDue(pi, label);
    }
  }

  /** What the job executor would do for this instance: run its due jobs until none is left. */
  private void runDue(String pi, String after) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = step(after + ": job query", () -> management.createJobQuery().processInstanceId(pi).executable().list());
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        step(after + ": job " + jobActivities.computeIfAbsent(job.getJobDefinitionId(), id ->
            management.createJobDefinitionQuery().jobDefinitionId(id).singleResult().getActivityId()), () -> {
          management.executeJob(job.getId());
          return null;
        });
      }
    }
    throw new IllegalStateException("jobs keep coming for " + pi);
  }

  private <T> T step(String name, Supplier<T> work) {
    Map<String, Long> sqlBefore = statementsBySql();
    long statementsBefore = statementsSoFar();
    long begin = THREADS.getCurrentThreadCpuTime();
    try {
      return work.get();
    } finally {
      long cpu = THREADS.getCurrentThreadCpuTime() - begin;
      StepSums sums = steps.computeIfAbsent(name, k -> new StepSums());
      sums.cpuNanos().add(cpu);
      sums.calls().increment();
      if (statements != null) {
        // The count read before the step is itself one statement of H2's count after it.
        sums.statements().add(statementsSoFar() - statementsBefore - 1);
        statementsBySql().forEach((sql, count) -> {
          long added = count - sqlBefore.getOrDefault(sql, 0L);
          if (added > 0) {
            sums.bySql().computeIfAbsent(sql, k -> new LongAdder()).add(added);
          }
        });
      }
    }
  }

  /**
   * Counts each step's statements too, from H2's statistics (CaseCostBenchmark.statementsPerCase
   * turns them on): for cases run one at a time only.
   */
  CaseDriver countingStatements(JdbcTemplate jdbc) {
    this.statements = jdbc;
    return this;
  }

  private long statementsSoFar() {
    if (statements == null) {
      return 0;
    }
    // A new parameter each time: H2 would answer a repeated query from its result cache while no table changed.
    Long sum = statements.queryForObject("select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS "
        + "where ? > -1", Long.class, statisticsReads.incrementAndGet());
    return sum == null ? 0 : sum;
  }

  /** Each statement's count so far (the statistics' own reads left out), when counting. */
  private Map<String, Long> statementsBySql() {
    if (statements == null) {
      return Map.of();
    }
    Map<String, Long> counts = new HashMap<>();
    statements.query("select SQL_STATEMENT, EXECUTION_COUNT from INFORMATION_SCHEMA.QUERY_STATISTICS where ? > -1 "
        + "and SQL_STATEMENT not like '%INFORMATION_SCHEMA.QUERY_STATISTICS%'", rs -> {
          counts.put(rs.getString(1).replaceAll("\\s+", " "), rs.getLong(2));
        }, statisticsReads.incrementAndGet());
    return counts;
  }

  /** Each step's statements, per case, most frequent first (cases counted one at a time only). */
  String stepStatementsReport(int cases) {
    StringBuilder report = new StringBuilder("statements per case, by step (" + cases + " cases)\n");
    steps.forEach((step, sums) -> {
      report.append(String.format("%n%s: %.1f statements%n", step, sums.statements().sum() / (double) cases));
      sums.bySql().entrySet().stream()
          .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
          .forEach(e -> report.append(String.format("%6.1f  %s%n", e.getValue().sum() / (double) cases,
              e.getKey().length() > 150 ? e.getKey().substring(0, 150) : e.getKey())));
    });
    return report.toString();
  }

  /** The driving threads' CPU per case for each step, over the cases this driver ran. */
  String stepsReport(int cases) {
    StringBuilder report = new StringBuilder("driving thread's CPU per case, by step (" + cases
        + " cases; the mail server's, GC's and JIT's threads not included)\n");
    double total = 0;
    for (Map.Entry<String, StepSums> e : steps.entrySet()) {
      StepSums sums = e.getValue();
      double ms = sums.cpuNanos().sum() / 1e6 / cases;
      total += ms;
      report.append(String.format("%8.2f ms  %5.2f calls  %s%s%n", ms, sums.calls().sum() / (double) cases,
          statements == null ? "" : String.format("%6.1f statements  ", sums.statements().sum() / (double) cases),
          e.getKey()));
    }
    return report.append(String.format("%8.2f ms  in all%n", total)).toString();
  }

  private static <T> T asApiUser(Supplier<T> work) {
    CurrentUser.set(new CurrentUser.User("coordinator", List.of(Groups.COORDINATORS)));
    try {
      return work.get();
    } finally {
      CurrentUser.clear();
    }
  }
}
