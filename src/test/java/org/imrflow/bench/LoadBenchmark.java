package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.imrflow.cluster.LoadScenario;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The load held (issue: no stall under load): 16 people at once drive cases from the application to
 * the final letter through the HTTP API on one node of the packaged jar, on H2 and on PostgreSQL.
 * The figures are the answers 5xx (must be 0), the letters out, the rate and the case latency.
 * LoadIT runs the same scenario smaller in every build.
 */
@Order(4)
class LoadBenchmark {

  private static final int USERS = 16;

  @Test
  void sixteenPeopleAtOnce() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/imrflow-0.1.0-SNAPSHOT.jar"));
    int casesPerUser = BenchResults.QUICK ? 2 : 8;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("loadUsers", USERS);
    LoadScenario.Result h2 = LoadScenario.onH2(jar, USERS, casesPerUser, BenchResults.DIR.resolve("load-h2.log"));
    record(figures, "loadH2", h2);
    Optional<LoadScenario.Result> postgres = LoadScenario.onPostgres(jar, USERS, casesPerUser,
        BenchResults.DIR.resolve("load-postgres.log"));
    postgres.ifPresent(result -> record(figures, "loadPostgres", result));
    BenchResults.put(figures);
    assertThat(h2.serverErrors()).isZero();
    postgres.ifPresent(result -> assertThat(result.serverErrors()).isZero());
  }

  private static void record(Map<String, Object> figures, String prefix, LoadScenario.Result result) {
    System.out.println("[LoadBenchmark] " + result);
    figures.put(prefix + "Cases", result.cases());
    figures.put(prefix + "LettersOut", result.lettersOut());
    figures.put(prefix + "ServerErrors", result.serverErrors());
    figures.put(prefix + "CasesPerSecond", BenchResults.round(result.casesPerSecond()));
    figures.put(prefix + "CaseMillisP50", result.percentileMillis(0.5));
    figures.put(prefix + "CaseMillisP95", result.percentileMillis(0.95));
  }
}
