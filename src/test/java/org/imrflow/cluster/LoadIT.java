package org.imrflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight people at once drive cases from the application to the final letter on one node of the
 * packaged jar, on H2 and on PostgreSQL: no answer is a 5xx and every final letter reaches every
 * party. (Eight users froze the application for 30 seconds before intake and the letter jobs
 * stopped holding one connection while waiting for another.) The benchmark runs the same scenario
 * larger (bench/LoadBenchmark). Node output: target/load-h2.log, target/load-postgres.log.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LoadIT {

  private static final int USERS = Integer.getInteger("load.users", 8);
  private static final int CASES_PER_USER = Integer.getInteger("load.casesPerUser", 3);

  @Test
  void eightPeopleAtOnceOnH2() throws Exception {
    held(LoadScenario.onH2(ClusterIT.jar(), USERS, CASES_PER_USER, Path.of("target", "load-h2.log")));
  }

  @Test
  void eightPeopleAtOnceOnPostgres() throws Exception {
    Optional<String> unreachable = ClusterDatabase.unreachable();
    if (unreachable.isPresent()) {
      String message = "PostgreSQL is not reachable (" + unreachable.get() + "): the PostgreSQL load test is skipped";
      if (Boolean.getBoolean("postgres.required")) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    held(LoadScenario.onPostgres(ClusterIT.jar(), USERS, CASES_PER_USER, Path.of("target", "load-postgres.log"))
        .orElseThrow());
  }

  private static void held(LoadScenario.Result result) {
    System.out.println("[LoadIT] " + result);
    assertThat(result.errors()).as("answers 5xx and cases that did not finish").isEmpty();
    assertThat(result.serverErrors()).isZero();
    assertThat(result.lettersOut()).as("final letters delivered to every party").isEqualTo(result.cases());
  }
}
