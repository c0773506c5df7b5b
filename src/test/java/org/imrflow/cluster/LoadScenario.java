package org.imrflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.imrflow.EngineClock;
import org.imrflow.TestCases;
import org.imrflow.process.CaseProcess;

/**
 * Several people at once drive cases through one node of the packaged jar, from the application to
 * the final letter, through the HTTP API only: coordinators post applications and records and
 * assign reviewers, reviewers attest, summarise and decide, quality reviewers approve where the
 * sampling policy asks. It counts every answer 5xx and every letter that reached all its parties.
 * The node runs the default profile (demo users and panel, embedded mail server) on the database
 * given: H2 in memory, or a PostgreSQL database.
 */
public final class LoadScenario {

  /** Eligible samples with one disputed item each; cases take them in turn. */
  private static final List<String> SAMPLES = List.of("seed-pt-exceeds", "mail-extension-on-time",
      "chiro-trial-within", "acupuncture-no-improvement", "postsurgical-meniscectomy");
  private static final Duration STEP = Duration.ofSeconds(120);

  public record Result(String database, int users, int cases, int lettersOut, int serverErrors, List<String> errors,
      long millis, List<Long> caseMillis) {

    public double casesPerSecond() {
      return cases * 1000.0 / millis;
    }

    public long percentileMillis(double p) {
      List<Long> sorted = new ArrayList<>(caseMillis);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    @Override
    public String toString() {
      return database + ": " + users + " users, " + cases + " cases in " + millis + " ms ("
          + String.format("%.2f", casesPerSecond()) + " cases/s, p50 " + percentileMillis(0.5) + " ms, p95 "
          + percentileMillis(0.95) + " ms); final letters out to every party: " + lettersOut + "; answers 5xx: "
          + serverErrors;
    }
  }

  private final ClusterNode node;
  private final String database;
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  private LoadScenario(ClusterNode node, String database) {
    this.node = node;
    this.database = database;
  }

  /**
   * @param database a label for the report
   * @param databaseArguments the node's spring.datasource.* arguments
   */
  public static Result run(String database, Path jar, List<String> databaseArguments, int users, int casesPerUser,
      Path log) throws Exception {
    List<String> arguments = new ArrayList<>(databaseArguments);
    arguments.addAll(List.of("--imrflow.demo.cases=false",
        // Jobs are picked up at once, as on a busy production node, not after an idle poll of a minute.
        "--camunda.bpm.job-execution.wait-time-in-millis=100", "--camunda.bpm.job-execution.max-wait=500"));
    Files.deleteIfExists(log);
    ClusterNode node = new ClusterNode(1, jar, log, arguments);
    node.start();
    try {
      node.awaitHealthy(Duration.ofSeconds(180));
      return new LoadScenario(node, database).drive(users, casesPerUser);
    } finally {
      node.stop();
    }
  }

  /** The scenario on an in-memory H2 database. */
  public static Result onH2(Path jar, int users, int casesPerUser, Path log) throws Exception {
    return run("H2", jar, List.of("--spring.datasource.url=jdbc:h2:mem:load;DB_CLOSE_DELAY=-1"), users, casesPerUser,
        log);
  }

  /** The scenario on a fresh PostgreSQL database, dropped afterwards; empty when PostgreSQL cannot be reached. */
  public static Optional<Result> onPostgres(Path jar, int users, int casesPerUser, Path log) throws Exception {
    if (ClusterDatabase.unreachable().isPresent()) {
      return Optional.empty();
    }
    try (ClusterDatabase db = ClusterDatabase.create()) {
      return Optional.of(run("PostgreSQL", jar, List.of("--spring.datasource.url=" + db.url(),
          "--spring.datasource.username=" + ClusterDatabase.USER, "--spring.datasource.password=" + ClusterDatabase.PASSWORD),
          users, casesPerUser, log));
    }
  }

  private Result drive(int users, int casesPerUser) throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(users);
    List<Future<Long>> cases = new ArrayList<>();
    AtomicInteger lettersOut = new AtomicInteger();
    long began = System.nanoTime();
    for (int user = 0; user < users; user++) {
      for (int k = 0; k < casesPerUser; k++) {
        String sample = SAMPLES.get((user * casesPerUser + k) % SAMPLES.size());
        cases.add(people.submit(() -> {
          long start = System.nanoTime();
          if (oneCase(sample)) {
            lettersOut.incrementAndGet();
          }
          return (System.nanoTime() - start) / 1_000_000;
        }));
      }
    }
    List<Long> caseMillis = new ArrayList<>();
    for (Future<Long> c : cases) {
      try {
        caseMillis.add(c.get());
      } catch (ExecutionException e) {
        errors.add(String.valueOf(e.getCause()));
      }
    }
    people.shutdown();
    return new Result(database, users, cases.size(), lettersOut.get(), serverErrors.get(), List.copyOf(errors),
        (System.nanoTime() - began) / 1_000_000, caseMillis);
  }

  /** One case from application to letter; true when its final letter reached every party. */
  private boolean oneCase(String sample) {
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    ObjectNode application = TestCases.receivedOn(TestCases.unique(sample), today.minusDays(2));
    String n = ok("coordinator", "POST", "/api/cases", application.toString()).json().get("caseNumber").asText();
    ok("coordinator", "POST", "/api/cases/" + n + "/records", Map.of("receivedOn", today.toString(), "complete", true));
    String assign = awaitTask(n, "assign-reviewer", "coordinator");
    String reviewer = null;
    for (JsonNode candidate : ok("coordinator", "GET", "/api/cases/" + n + "/reviewer-candidates", null).json()) {
      if (candidate.get("eligible").asBoolean()) {
        reviewer = candidate.get("userId").asText();
        break;
      }
    }
    if (reviewer == null) {
      throw new AssertionError("no eligible reviewer for " + n);
    }
    complete("coordinator", assign, Map.of(CaseProcess.REVIEWER_ID.name(), reviewer));
    complete(reviewer, awaitTask(n, "attest-no-conflict", reviewer), Map.of(CaseProcess.NO_CONFLICT.name(), true));
    complete(reviewer, awaitTask(n, "write-case-summary", reviewer), Map.of(CaseProcess.CASE_SUMMARY.name(),
        "The injured worker has chronic neck and low back pain; the treating physician requests further treatment."));
    complete(reviewer, awaitTask(n, "decide-item", reviewer), Map.of(CaseProcess.DETERMINATION.name(), "UPHELD",
        CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.",
        CaseProcess.RATIONALE.name(), "The requested treatment exceeds what the guideline recommends; it is not medically necessary."));
    await(n + " letter sent", () -> {
      JsonNode qa = tasks(n, "quality-review", "qa");
      if (qa != null && qa.size() == 1) {
        complete("qa", qa.get(0).get("id").asText(), Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
      }
      return "LETTER_SENT".equals(ok("coordinator", "GET", "/api/cases/" + n, null).json().get("status").asText())
          ? true : null;
    });
    Set<String> parties = ClusterIT.parties(application);
    JsonNode letter = await(n + " final letter delivered", () -> {
      for (JsonNode l : ok("coordinator", "GET", "/api/cases/" + n + "/correspondence", null).json()) {
        if ("FINAL_DETERMINATION".equals(l.get("type").asText()) && l.get("recipients").size() == parties.size()) {
          return l;
        }
      }
      return null;
    });
    return letter != null;
  }

  private String awaitTask(String caseNumber, String key, String user) {
    return await(key + " of " + caseNumber, () -> {
      JsonNode found = tasks(caseNumber, key, user);
      return found != null && found.size() == 1 ? found.get(0).get("id").asText() : null;
    });
  }

  private JsonNode tasks(String caseNumber, String key, String user) {
    ClusterClient.Reply reply = client(user).get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + key);
    count(reply, "GET tasks");
    return reply.status() == 200 ? reply.json() : null;
  }

  private void complete(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    ok(user, "POST", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  private ClusterClient.Reply ok(String user, String method, String path, Object body) {
    ClusterClient.Reply reply = switch (method) {
      case "GET" -> client(user).get(path);
      case "POST" -> client(user).post(path, body);
      default -> throw new IllegalArgumentException(method);
    };
    count(reply, method + " " + path);
    if (reply.status() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + reply.status() + ": " + reply.body());
    }
    return reply;
  }

  private void count(ClusterClient.Reply reply, String what) {
    if (reply.status() >= 500) {
      serverErrors.incrementAndGet();
      errors.add(what + ": " + reply.status() + " " + reply.body());
    }
  }

  private ClusterClient client(String user) {
    return new ClusterClient(node.url(), user, user);
  }

  private static <T> T await(String what, Supplier<T> probe) {
    long until = System.nanoTime() + STEP.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + STEP + " for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
