package org.imrflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.imrflow.TestCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code prod} nodes of the packaged jar on one fresh PostgreSQL database (API.md §1,
 * "cluster"), driven only through the HTTP API, with their own SMTP server (GreenMail). Cases are
 * worked through both nodes in turn; one node is killed (SIGKILL) while it is mailing final letters,
 * with jobs locked and pending, and later started again. Every case must still end with its letter
 * sent, each notice and final letter mailed exactly once to each party, and no incident left.
 *
 * <p>Runs in {@code mvn verify} (failsafe, after {@code package}). Without a reachable PostgreSQL
 * it is skipped with a message, unless {@code -Dpostgres.required=true}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterIT {

  /** Eligible sample applications (src/test/resources/cases), one case each; the last has two items. */
  private static final List<String> SAMPLES = List.of("seed-pt-exceeds", "mail-extension-on-time",
      "chiro-trial-within", "chiro-knee-not-recommended", "acupuncture-no-improvement", "acupuncture-missing-facts",
      "postsurgical-meniscectomy", "expedited-two-items");
  /** The engine's job lock, shortened so that jobs locked by the killed node come back in seconds, not 5 minutes. */
  private static final Duration JOB_LOCK = Duration.ofSeconds(15);
  private static final Duration NODE_START = Duration.ofSeconds(180);
  private static final Duration STEP = Duration.ofSeconds(120);
  private static final String ADMIN = "it-admin";
  private static final String COORDINATOR = "it-coordinator";
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ClusterDatabase database;
  private static GreenMail mail;
  private static final List<ClusterNode> NODES = new ArrayList<>();
  private static final Map<String, String> PASSWORDS = new HashMap<>();

  /** One case as the test follows it. */
  private record Case(String sample, String number, Set<String> parties, int items) {
  }

  @BeforeAll
  static void startCluster() throws Exception {
    Optional<String> unreachable = ClusterDatabase.unreachable();
    if (unreachable.isPresent()) {
      String message = "PostgreSQL is not reachable (" + unreachable.get() + "): the cluster test is skipped. "
          + "Start PostgreSQL (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start); "
          + "-Dpostgres.required=true makes this a failure.";
      if (Boolean.getBoolean("postgres.required")) {
        Assertions.fail(message.replace("the cluster test is skipped", "the cluster test cannot run"));
      }
      System.err.println("[ClusterIT] " + message);
      Assumptions.abort(message);
    }
    Path jar = jar();
    database = ClusterDatabase.create();
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    PASSWORDS.put(ADMIN, "it-admin-secret");
    PASSWORDS.put(COORDINATOR, "it-coordinator-secret");
    List<String> arguments = List.of(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + ClusterDatabase.USER,
        "--spring.datasource.password=" + ClusterDatabase.PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mail.getSmtp().getPort(),
        "--camunda.bpm.admin-user.id=" + ADMIN,
        "--camunda.bpm.admin-user.password=" + PASSWORDS.get(ADMIN),
        // Job acquisition polls at most every second when idle (default 60 s), and a dead node's job
        // locks expire after JOB_LOCK.
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK.toMillis());
    for (int n = 1; n <= 2; n++) {
      Path log = Path.of("target", "cluster-node-" + n + ".log");
      Files.deleteIfExists(log);
      NODES.add(new ClusterNode(n, jar, log, arguments));
    }
    log("database " + database.name() + ", SMTP on port " + mail.getSmtp().getPort());
    // One node at a time: the first creates the engine's schema, which is not safe to do concurrently.
    for (ClusterNode node : NODES) {
      long started = System.nanoTime();
      node.start();
      node.awaitHealthy(NODE_START);
      log("node " + node.number() + " healthy at " + node.url() + " after " + millis(started) + " ms");
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ClusterNode node : NODES) {
      node.stop();
    }
    if (mail != null) {
      mail.stop();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void everyCaseEndsWithEachLetterMailedOnceWhenANodeIsKilledMidway() throws Exception {
    long began = System.nanoTime();
    createUsersAndPanel();

    List<Case> cases = new ArrayList<>();
    LocalDate today = LocalDate.now(ZONE);
    for (int i = 0; i < SAMPLES.size(); i++) {
      ObjectNode application = TestCases.receivedOn(TestCases.unique(SAMPLES.get(i)), today.minusDays(2));
      JsonNode created = as(COORDINATOR, i).ok("POST", "/api/cases", application.toString()).json();
      cases.add(new Case(SAMPLES.get(i), created.get("caseNumber").asText(), parties(application),
          application.get("disputedItems").size()));
    }
    for (int i = 0; i < cases.size(); i++) {
      as(COORDINATOR, i + 1).ok("POST", "/api/cases/" + cases.get(i).number() + "/records", Map.of(
          "receivedOn", today.toString(), "complete", true,
          "documents", List.of(Map.of("title", "Primary treating physician progress report (PR-2)",
              "date", today.minusDays(10).toString(), "author", "Dr. Il"))));
    }
    log(cases.size() + " cases created and their records filed");

    Map<String, String> reviewers = new HashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode task = awaitTasks(c, "assign-reviewer", COORDINATOR, 1, i).get(0);
      String reviewer = eligibleReviewer(c, i);
      reviewers.put(c.number(), reviewer);
      as(COORDINATOR, i + 1).ok("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
          variables(Map.of("reviewerId", reviewer)));
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      complete(c, "attest-no-conflict", reviewers.get(c.number()), 1, i, Map.of("noConflict", true));
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      complete(c, "write-case-summary", reviewers.get(c.number()), 1, i, Map.of("caseSummary",
          "The injured worker has chronic neck and low back pain; the treating physician requests further treatment."));
    }
    log("reviewers assigned, attested and summaries written");

    // The first half is decided through node 2, whose job executor is told of the new jobs first;
    // node 2 is killed as soon as the first final letter of these cases reaches the mail server.
    ClusterNode victim = NODES.get(1);
    List<Case> firstHalf = cases.subList(0, cases.size() / 2);
    for (Case c : firstHalf) {
      decideItems(c, reviewers.get(c.number()), victim);
    }
    awaitFirstFinalLetter(firstHalf);
    victim.kill();
    long pendingJobs = as(ADMIN, 0).ok("GET", "/engine-rest/job/count?executable=true", null).json().get("count").asLong();
    log("node 2 killed while mailing final letters; " + pendingJobs + " executable job(s) pending");
    assertThat(pendingJobs).as("jobs in flight when the node died").isPositive();

    List<Case> secondHalf = cases.subList(cases.size() / 2, cases.size());
    decideItems(secondHalf.get(0), reviewers.get(secondHalf.get(0).number()), NODES.get(0));
    long restarted = System.nanoTime();
    victim.start();
    victim.awaitHealthy(NODE_START);
    log("node 2 restarted in " + millis(restarted) + " ms");
    for (int i = 1; i < secondHalf.size(); i++) {
      Case c = secondHalf.get(i);
      decideItems(c, reviewers.get(c.number()), NODES.get(i % 2));
    }

    for (int i = 0; i < cases.size(); i++) {
      awaitStatus(cases.get(i), "LETTER_SENT", i);
    }
    log("every case reached LETTER_SENT");

    Map<String, List<JsonNode>> correspondence = new LinkedHashMap<>();
    for (int i = 0; i < cases.size(); i++) {
      correspondence.put(cases.get(i).number(),
          list(as(COORDINATOR, i).ok("GET", "/api/cases/" + cases.get(i).number() + "/correspondence", null).json()));
    }
    Map<String, Integer> expected = new TreeMap<>();
    for (Case c : cases) {
      for (String type : List.of("NOARFI", "FINAL_DETERMINATION")) {
        List<JsonNode> letters = correspondence.get(c.number()).stream()
            .filter(l -> type.equals(l.get("type").asText())).toList();
        assertThat(letters).as(type + " letters of case " + c.number()).hasSize(1);
        JsonNode letter = letters.get(0);
        assertThat(strings(letter.get("recipients"))).as(type + " recipients of " + c.number())
            .containsExactlyInAnyOrderElementsOf(c.parties());
        if (letter.has("unconfirmed")) {
          assertThat(strings(letter.get("unconfirmed"))).as(type + " unconfirmed deliveries of " + c.number()).isEmpty();
        }
        c.parties().forEach(p -> expected.put(letter.get("subject").asText() + " -> " + p, 1));
      }
    }
    Map<String, Integer> mailed = awaitMail(expected.keySet());
    Map<String, Integer> ofTheseLetters = new TreeMap<>(mailed);
    ofTheseLetters.keySet().retainAll(expected.keySet());
    assertThat(ofTheseLetters).as("messages per (subject, recipient)").isEqualTo(expected);
    assertThat(mailed.entrySet().stream().filter(e -> e.getValue() > 1).toList()).as("messages mailed twice").isEmpty();

    assertThat(as(ADMIN, 0).ok("GET", "/engine-rest/incident/count", null).json().get("count").asLong())
        .as("incidents").isZero();
    for (int i = 0; i < cases.size(); i++) {
      assertThat(as(ADMIN, i).ok("GET", "/engine-rest/process-instance/count?businessKey=" + cases.get(i).number(), null)
          .json().get("count").asLong()).as("running instances of " + cases.get(i).number()).isZero();
    }
    log("all letters mailed exactly once per party; " + ClusterClient.RETRIED_AFTER_CONFLICT.get()
        + " request(s) retried after an optimistic locking conflict; scenario took " + millis(began) + " ms");
  }

  /** The coordinator and the demo panel's reviewers, created through the API as a deployment would (API.md §2, §6). */
  private void createUsersAndPanel() throws IOException {
    user(COORDINATOR, "Casey", "Coordinator", "coordinators", 0);
    JsonNode panel;
    try (InputStream in = ClusterIT.class.getResourceAsStream("/demo/panel.json")) {
      panel = JSON.readTree(in);
    }
    int step = 1;
    for (JsonNode reviewer : panel) {
      String id = reviewer.get("userId").asText();
      PASSWORDS.put(id, id + "-secret");
      String[] name = reviewer.get("name").asText().split(",")[0].split(" ", 2);
      user(id, name[0], name.length > 1 ? name[1] : "Reviewer", "reviewers", step++);
      as(ADMIN, step++).ok("POST", "/api/reviewers", reviewer.toString());
    }
    log("coordinator and " + panel.size() + " panel reviewers created");
  }

  private void user(String id, String first, String last, String group, int step) {
    as(ADMIN, step).ok("POST", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", first, "lastName", last, "email", id + "@imrflow.example"),
        "credentials", Map.of("password", PASSWORDS.get(id))));
    as(ADMIN, step + 1).ok("PUT", "/engine-rest/group/" + group + "/members/" + id, null);
  }

  /** The first eligible candidate (API.md §6: eligible ones first). */
  private String eligibleReviewer(Case c, int step) {
    JsonNode candidates = as(COORDINATOR, step).ok("GET", "/api/cases/" + c.number() + "/reviewer-candidates", null).json();
    for (JsonNode candidate : candidates) {
      if (candidate.get("eligible").asBoolean()) {
        return candidate.get("userId").asText();
      }
    }
    throw new AssertionError("no eligible reviewer for " + c.sample() + ": " + candidates);
  }

  private void decideItems(Case c, String reviewer, ClusterNode node) {
    List<JsonNode> tasks = awaitTasks(c, "decide-item", reviewer, c.items(), node.number() - 1);
    for (JsonNode task : tasks) {
      new ClusterClient(node.url(), reviewer, PASSWORDS.get(reviewer)).ok("POST",
          "/engine-rest/task/" + task.get("id").asText() + "/complete", variables(Map.of(
              "determination", "UPHELD",
              "imroGuideline", "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.",
              "rationale", "The requested treatment exceeds what the guideline recommends; it is not medically necessary.")));
    }
  }

  private void complete(Case c, String taskKey, String user, int count, int step, Map<String, Object> values) {
    for (JsonNode task : awaitTasks(c, taskKey, user, count, step)) {
      as(user, step + 1).ok("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete", variables(values));
    }
  }

  /** The case's open tasks of one kind, once the job executor (on either node) has created them. */
  private List<JsonNode> awaitTasks(Case c, String taskKey, String user, int count, int step) {
    return await(taskKey + " x" + count + " of " + c.number(), STEP, () -> {
      List<JsonNode> tasks = list(as(user, step).ok("GET", "/engine-rest/task?processInstanceBusinessKey="
          + c.number() + "&taskDefinitionKey=" + taskKey, null).json());
      return tasks.size() == count ? tasks : null;
    });
  }

  private void awaitStatus(Case c, String status, int step) {
    int[] calls = {step};
    await(c.number() + " " + status, STEP.plus(JOB_LOCK), () -> {
      JsonNode view = as(COORDINATOR, calls[0]++).ok("GET", "/api/cases/" + c.number(), null).json();
      return status.equals(view.get("status").asText()) ? view : null;
    });
  }

  /** Blocks until the mail server holds a final letter of one of these cases (polled every 2 ms). */
  private void awaitFirstFinalLetter(List<Case> cases) throws MessagingException, InterruptedException {
    long until = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < until) {
      for (MimeMessage message : mail.getReceivedMessages()) {
        String subject = message.getSubject();
        if (subject != null && subject.contains("Final Determination")
            && cases.stream().anyMatch(c -> subject.endsWith(c.number()))) {
          return;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no final letter of " + cases.stream().map(Case::number).toList() + " within " + STEP);
  }

  /**
   * Every message received, counted per "subject -> recipient", once all the expected ones are in
   * and a moment has passed in which a duplicate could still arrive.
   */
  private Map<String, Integer> awaitMail(Set<String> expected) throws Exception {
    await("every letter in the mailbox", STEP, () -> mailed().keySet().containsAll(expected) ? true : null);
    Thread.sleep(2_000);
    return mailed();
  }

  private Map<String, Integer> mailed() {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        for (Address to : message.getAllRecipients()) {
          counts.merge(message.getSubject() + " -> " + to.toString(), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return counts;
  }

  /** Every party with an address gets the notice and the final letter (API.md §5 correspondence). */
  private static Set<String> parties(ObjectNode application) {
    Set<String> parties = new LinkedHashSet<>();
    Stream.of("employee", "representative", "employer", "claimsAdministrator")
        .map(application::get)
        .filter(p -> p != null && p.hasNonNull("email"))
        .forEach(p -> parties.add(p.get("email").asText()));
    application.get("providers").forEach(p -> {
      String role = p.path("role").asText("REQUESTING");
      if (p.hasNonNull("email") && (role.equals("REQUESTING") || role.equals("TREATING"))) {
        parties.add(p.get("email").asText());
      }
    });
    return parties;
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return Map.of("variables", variables);
  }

  /** Turns in the order of the nodes that are up: request n goes to node n mod (nodes up). */
  private static ClusterClient as(String user, int step) {
    List<ClusterNode> up = NODES.stream().filter(ClusterNode::alive).toList();
    ClusterNode node = up.get(Math.floorMod(step, up.size()));
    return new ClusterClient(node.url(), user, PASSWORDS.get(user));
  }

  private static <T> T await(String what, Duration timeout, Supplier<T> probe) {
    long until = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + timeout + " for " + what + "; node logs: target/cluster-node-*.log");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static List<String> strings(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }

  private static Path jar() throws IOException {
    String configured = System.getProperty("cluster.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("imrflow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no packaged jar in target/: the cluster test runs in mvn verify, after package"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new AssertionError("no target/ directory: the cluster test runs in mvn verify, after package");
    }
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static void log(String message) {
    System.out.println("[ClusterIT] " + message);
  }
}
