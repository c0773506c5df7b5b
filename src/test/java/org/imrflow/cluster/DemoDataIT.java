package org.imrflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged jar as the README starts it (default profile: demo users, panel and sample cases) on
 * a fresh database: once healthy, the demo cases wait at every step of the review, as a newcomer who
 * logs in expects to find them, and the decided one's final letter goes out. Nothing else starts the
 * demo cases in {@code mvn verify} (the test context and the other nodes leave them out). Node
 * output: target/demo-data.log.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoDataIT {

  @Test
  void aFreshStartHasTheDemoCasesAtEveryStep() throws Exception {
    ClusterNode node = new ClusterNode(1, ClusterIT.jar(), Path.of("target", "demo-data.log"),
        List.of("--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1"));
    node.start();
    try {
      node.awaitHealthy(Duration.ofSeconds(180));
      ClusterClient manager = new ClusterClient(node.url(), "manager", "manager");

      Map<String, String> openCases = new TreeMap<>();
      List<String> steps = new ArrayList<>();
      for (JsonNode row : manager.ok("GET", "/api/sla", null).json()) {
        List<String> reviewers = new ArrayList<>();
        row.path("reviewers").forEach(r -> reviewers.add(r.asText()));
        openCases.put(row.get("caseNumber").asText(), row.get("status").asText());
        steps.add(row.get("status").asText() + " " + reviewers);
      }
      // The decided case may still be in review or already closed by its letter, which the job executor mails.
      steps.remove("IN_REVIEW [dr-okafor]");
      assertThat(steps).containsExactlyInAnyOrder(
          "REVIEWER_ASSIGNMENT []", // the seed letter's case, complete records, no reviewer yet
          "REVIEWER_ASSIGNMENT []", // a chiropractic case with complete records
          "AWAITING_RECORDS []",
          "DEFERRED []", // liability disputed
          "IN_REVIEW [lac-nguyen]", // assigned, the reviewer still to attest
          "QUALITY_REVIEW [dr-morales]", // the expedited case, decided
          "IN_REVIEW [dr-chen]", // two reviewers needed: the surgeon assigned, the other group waiting
          "IN_REVIEW [dr-chen]"); // summary written, items to decide
      assertThat(openCases).containsEntry("CM14-0000001", "REVIEWER_ASSIGNMENT");

      // The cases not on the board (closed): the unsigned application, and the decided case once its letter is out.
      String prefix = openCases.keySet().stream().filter(n -> !n.startsWith("CM14")).findFirst().orElseThrow()
          .substring(0, 5);
      long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      List<String> closed = closedAmong(manager, prefix, openCases);
      while (!closed.contains("LETTER_SENT") && System.nanoTime() < until) {
        Thread.sleep(1000);
        closed = closedAmong(manager, prefix, openCases);
      }
      assertThat(closed).containsExactlyInAnyOrder("INELIGIBLE", "LETTER_SENT");
    } finally {
      node.stop();
    }
  }

  /** The statuses of the demo's cases 2 to 10 that are closed now: off the board, or in review on it before. */
  private static List<String> closedAmong(ClusterClient manager, String prefix, Map<String, String> onTheBoard) {
    List<String> closed = new ArrayList<>();
    for (int n = 2; n <= 10; n++) {
      String caseNumber = prefix + String.format("%07d", n);
      if (onTheBoard.containsKey(caseNumber) && !"IN_REVIEW".equals(onTheBoard.get(caseNumber))) {
        continue;
      }
      String status = manager.ok("GET", "/api/cases/" + caseNumber, null).json().get("status").asText();
      if (!status.equals("IN_REVIEW")) {
        closed.add(status);
      }
    }
    return closed;
  }
}
