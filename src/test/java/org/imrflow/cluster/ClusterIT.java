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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.imrflow.EngineClock;
import org.imrflow.TestCases;
import org.imrflow.WebappLogin;
import org.imrflow.process.CaseProcess;
import org.imrflow.setup.StartupLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two {@code prod} nodes of the packaged jar on one fresh PostgreSQL database (API.md §1,
 * "cluster"), driven only through the HTTP API, each mailing through its own relay to the test's
 * SMTP server (GreenMail). Cases are worked through both nodes in turn. While final letters go out,
 * the first node to start mailing one is frozen mid-message by its relay and killed (SIGKILL), with
 * a delivery claimed and jobs locked and pending; it is then started again. Every case must still
 * end with its letter sent, each notice and final letter mailed exactly once to each party, and no
 * incident left. (GreenMail prints the dropped connection's "Unexpected end of stream": expected.)
 *
 * <p>Runs in {@code mvn verify} (failsafe, after {@code package}). Without a reachable PostgreSQL
 * it is skipped with a message, unless {@code -Dpostgres.required=true}. The nodes' output goes to
 * {@code target/cluster-node-1.log} and {@code -2.log}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
  private static final String QUALITY_REVIEWER = "it-qa";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why the tests are skipped (no PostgreSQL), or null. */
  private static String skipped;
  private static ClusterDatabase database;
  private static GreenMail mail;
  private static final SmtpRelay.Tripwire TRIPWIRE = new SmtpRelay.Tripwire();
  private static final List<SmtpRelay> RELAYS = new ArrayList<>();
  private static final List<ClusterNode> NODES = new ArrayList<>();
  private static final Map<String, String> PASSWORDS = new HashMap<>();
  /** What start-up creates (groups, filters, deployments, ...) after the first node's start and the second's. */
  private static final List<Map<String, Long>> SETUP_AFTER_START = new ArrayList<>();

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
      log(message);
      skipped = message;
      return;
    }
    Path jar = jar();
    database = ClusterDatabase.create();
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    PASSWORDS.put(ADMIN, "it-admin-secret");
    PASSWORDS.put(COORDINATOR, "it-coordinator-secret");
    PASSWORDS.put(QUALITY_REVIEWER, "it-qa-secret");
    for (int n = 1; n <= 2; n++) {
      RELAYS.add(new SmtpRelay(n, mail.getSmtp().getPort(), TRIPWIRE));
      Path log = Path.of("target", "cluster-node-" + n + ".log");
      Files.deleteIfExists(log);
      NODES.add(new ClusterNode(n, jar, log, arguments(RELAYS.get(n - 1).port())));
    }
    log("database " + database.name() + ", SMTP on port " + mail.getSmtp().getPort());
    // One node at a time: the first creates the engine's schema, which is not safe to do concurrently.
    for (ClusterNode node : NODES) {
      long started = System.nanoTime();
      node.start();
      node.awaitHealthy(NODE_START);
      log("node " + node.number() + " healthy at " + node.url() + " after " + millis(started) + " ms");
      SETUP_AFTER_START.add(setup(node.number() - 1, true));
    }
  }

  private static List<String> arguments(int smtpPort) {
    return List.of(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + ClusterDatabase.USER,
        "--spring.datasource.password=" + ClusterDatabase.PASSWORD,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.admin-user.id=" + ADMIN,
        "--camunda.bpm.admin-user.password=" + PASSWORDS.get(ADMIN),
        // Job acquisition polls at most every second when idle (default 60 s), and a dead node's job
        // locks expire after JOB_LOCK.
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + JOB_LOCK.toMillis(),
        // Below the job lock, as in production (2 minutes against 5): the retry of a letter job whose
        // node died takes over the unconfirmed delivery at once.
        "--imrflow.letters.claim-timeout=PT10S");
  }

  @BeforeEach
  void requirePostgres() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (ClusterNode node : NODES) {
      node.stop();
    }
    for (SmtpRelay relay : RELAYS) {
      relay.close();
    }
    if (mail != null) {
      mail.stop();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void everyCaseEndsWithEachLetterMailedOnceWhenANodeIsKilledMidway() throws Exception {
    long began = System.nanoTime();
    // A prod start creates the administrator and nothing else of the demo data; a second node
    // (or a restart) on the same database changes nothing.
    assertThat(SETUP_AFTER_START.get(0).get("user")).as("users after the first start").isEqualTo(1);
    assertThat(as(ADMIN, 0).ok("GET", "/engine-rest/group/count?id=camunda-admin&member=" + ADMIN, null)
        .json().get("count").asLong()).as("administrator in camunda-admin").isEqualTo(1);
    assertThat(SETUP_AFTER_START.get(1)).as("set-up after the second node's start").isEqualTo(SETUP_AFTER_START.get(0));
    ensureUsersAndPanel();
    // The coordinator logs into Tasklist on each node; whichever node dies, its login must go on elsewhere.
    List<WebappLogin> logins = new ArrayList<>();
    for (ClusterNode node : NODES) {
      logins.add(WebappLogin.on(node.url(), COORDINATOR, PASSWORDS.get(COORDINATOR)));
    }

    List<Case> cases = new ArrayList<>();
    LocalDate today = LocalDate.now(EngineClock.ZONE);
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
          variables(Map.of(CaseProcess.REVIEWER_ID.name(), reviewer)));
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      complete(c, "attest-no-conflict", reviewers.get(c.number()), 1, i, Map.of(CaseProcess.NO_CONFLICT.name(), true));
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      complete(c, "write-case-summary", reviewers.get(c.number()), 1, i, Map.of(CaseProcess.CASE_SUMMARY.name(),
          "The injured worker has chronic neck and low back pain; the treating physician requests further treatment."));
    }
    log("reviewers assigned, attested and summaries written");

    // Deciding the first half sends their final letters. The first node to start mailing one is
    // frozen by its SMTP relay after a delivery was claimed, and killed there.
    // The panel is new to this database: each case waits for a quality review, whose approval sends the letter.
    List<Case> firstHalf = cases.subList(0, cases.size() / 2);
    for (int i = 0; i < firstHalf.size(); i++) {
      decideItems(firstHalf.get(i), reviewers.get(firstHalf.get(i).number()), i);
    }
    for (int i = 0; i < firstHalf.size(); i++) {
      awaitTasks(firstHalf.get(i), "quality-review", QUALITY_REVIEWER, 1, i);
    }
    TRIPWIRE.arm();
    for (int i = 0; i < firstHalf.size(); i++) {
      approveQualityReview(firstHalf.get(i), i);
    }
    SmtpRelay frozen = TRIPWIRE.await(STEP);
    assertThat(frozen).as("a node mailing a final letter").isNotNull();
    ClusterNode victim = NODES.get(frozen.node() - 1);
    victim.kill();
    Map<String, Long> beforeRestart = setup(0, false);
    long pendingJobs = as(ADMIN, 0).ok("GET", "/engine-rest/job/count?executable=true", null).json().get("count").asLong();
    log("node " + victim.number() + " killed in the middle of mailing a final letter; " + pendingJobs
        + " executable job(s) pending");
    assertThat(pendingJobs).as("jobs in flight when the node died").isPositive();
    WebappLogin orphaned = logins.get(victim.number() - 1);
    String survivor = NODES.stream().filter(ClusterNode::alive).findFirst().orElseThrow().url();
    assertThat(orphaned.user(survivor).body()).as("the dead node's Tasklist login, asked at the survivor")
        .contains("\"userId\":\"" + COORDINATOR + "\"");
    assertThat(orphaned.taskCountStatus(survivor)).as("Tasklist on the survivor, with the dead node's login").isEqualTo(200);
    log("the coordinator's Tasklist login on node " + victim.number() + " goes on at " + survivor);

    List<Case> secondHalf = cases.subList(cases.size() / 2, cases.size());
    decideItems(secondHalf.get(0), reviewers.get(secondHalf.get(0).number()), 0);
    approveQualityReview(secondHalf.get(0), 0);
    long restarted = System.nanoTime();
    restartWhileAnotherNodeSetsUp(victim);
    log("node " + victim.number() + " restarted in " + millis(restarted) + " ms");
    assertThat(setup(victim.number() - 1, false)).as("set-up after the restart").isEqualTo(beforeRestart);
    for (int i = 1; i < secondHalf.size(); i++) {
      decideItems(secondHalf.get(i), reviewers.get(secondHalf.get(i).number()), i);
      approveQualityReview(secondHalf.get(i), i);
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
    Set<String> flagged = new TreeSet<>();
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
        strings(letter.path("possibleRepeats")).forEach(p -> flagged.add(letter.get("subject").asText() + " -> " + p));
      }
    }
    Map<String, Integer> mailed = awaitMail(expected.keySet());
    // The frozen message never reached the server, so it is mailed once. Another letter of the killed
    // node may have been between the server's acceptance and its confirmation: mailed twice, then
    // marked as a possible repeat (the one window left; see lettersSurviveNodesKilledAtRandomMoments).
    List<String> twice = expected.keySet().stream().filter(k -> mailed.getOrDefault(k, 0) > 1).toList();
    assertThat(flagged).as("every delivery mailed twice is marked as a possible repeat").containsAll(twice);
    assertThat(mailed.entrySet().stream().filter(e -> e.getValue() > 1 && !flagged.contains(e.getKey())).toList())
        .as("messages mailed twice without a mark").isEmpty();

    assertThat(as(ADMIN, 0).ok("GET", "/engine-rest/incident/count", null).json().get("count").asLong())
        .as("incidents").isZero();
    for (int i = 0; i < cases.size(); i++) {
      assertThat(as(ADMIN, i).ok("GET", "/engine-rest/process-instance/count?businessKey=" + cases.get(i).number(), null)
          .json().get("count").asLong()).as("running instances of " + cases.get(i).number()).isZero();
    }
    assertThat(ClusterClient.REFUSED.get()).as("requests refused with a 5xx (a click that met a job)").isZero();
    log("all letters mailed exactly once per party; no request refused; scenario took " + millis(began) + " ms");
  }

  /**
   * Kills a node at a random moment while final letters go out through a slow mail server (each
   * reply held back), 20 times in a row (-Dcluster.kills), restarting it each time. No letter may be
   * lost; a letter mailed twice is possible only when a node died between the server's acceptance
   * and the confirmation, and each such repeat must be marked in the correspondence log. The figures
   * go to target/cluster-letter-kills.txt.
   */
  @Test
  @Order(2)
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void lettersSurviveNodesKilledAtRandomMoments() throws Exception {
    ensureUsersAndPanel();
    int kills = Integer.getInteger("cluster.kills", 20);
    long seed = Long.getLong("cluster.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Case> cases = new ArrayList<>();
    Map<String, String> reviewers = new HashMap<>();
    LocalDate today = LocalDate.now(EngineClock.ZONE);
    RELAYS.forEach(relay -> relay.replyDelay(40));
    try {
      for (int kill = 0; kill < kills; kill++) {
        List<Case> batch = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          String sample = SAMPLES.get((kill * 2 + i) % (SAMPLES.size() - 1));
          ObjectNode application = TestCases.receivedOn(TestCases.unique(sample), today.minusDays(2));
          JsonNode created = as(COORDINATOR, i).ok("POST", "/api/cases", application.toString()).json();
          Case c = new Case(sample, created.get("caseNumber").asText(), parties(application), 1);
          as(COORDINATOR, i + 1).ok("POST", "/api/cases/" + c.number() + "/records",
              Map.of("receivedOn", today.toString(), "complete", true));
          JsonNode task = awaitTasks(c, "assign-reviewer", COORDINATOR, 1, i).get(0);
          String reviewer = eligibleReviewer(c, i);
          reviewers.put(c.number(), reviewer);
          as(COORDINATOR, i).ok("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
              variables(Map.of(CaseProcess.REVIEWER_ID.name(), reviewer)));
          complete(c, "attest-no-conflict", reviewer, 1, i, Map.of(CaseProcess.NO_CONFLICT.name(), true));
          complete(c, "write-case-summary", reviewer, 1, i, Map.of(CaseProcess.CASE_SUMMARY.name(), "Chronic low back pain."));
          batch.add(c);
        }
        for (int i = 0; i < batch.size(); i++) {
          decideItems(batch.get(i), reviewers.get(batch.get(i).number()), i);
          approveIfPicked(batch.get(i), i);
        }
        cases.addAll(batch);
        Thread.sleep(random.nextInt(1500));
        ClusterNode victim = NODES.get(random.nextInt(NODES.size()));
        victim.kill();
        victim.start();
        victim.awaitHealthy(NODE_START);
      }
    } finally {
      RELAYS.forEach(relay -> relay.replyDelay(0));
    }
    for (int i = 0; i < cases.size(); i++) {
      awaitStatus(cases.get(i), "LETTER_SENT", i);
    }
    Map<String, Integer> expected = new TreeMap<>();
    Set<String> flagged = new TreeSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      for (JsonNode letter : as(COORDINATOR, i).ok("GET", "/api/cases/" + c.number() + "/correspondence", null).json()) {
        String type = letter.get("type").asText();
        if (type.equals("NOARFI") || type.equals("FINAL_DETERMINATION")) {
          c.parties().forEach(p -> expected.put(letter.get("subject").asText() + " -> " + p, 1));
          strings(letter.path("possibleRepeats")).forEach(p -> flagged.add(letter.get("subject").asText() + " -> " + p));
        }
      }
    }
    Map<String, Integer> mailed = awaitMail(expected.keySet());
    List<String> lost = expected.keySet().stream().filter(k -> !mailed.containsKey(k)).toList();
    List<String> twice = expected.keySet().stream().filter(k -> mailed.getOrDefault(k, 0) > 1).toList();
    String report = kills + " kills at random moments (seed " + seed + "), " + cases.size() + " cases, "
        + expected.size() + " deliveries: lost " + lost.size() + ", mailed twice " + twice.size()
        + ", marked as possible repeats " + flagged.size();
    log(report);
    Files.writeString(Path.of("target", "cluster-letter-kills.txt"), report + "\n");
    assertThat(lost).as("letters lost").isEmpty();
    assertThat(flagged).as("every delivery mailed twice is marked as a possible repeat").containsAll(twice);
    assertThat(as(ADMIN, 0).ok("GET", "/engine-rest/incident/count", null).json().get("count").asLong())
        .as("incidents").isZero();
  }

  @Test
  @Order(3)
  void aProdNodeWithoutAMailServerRefusesToStartAndSaysWhy() throws Exception {
    Path log = Path.of("target", "cluster-node-without-mail.log");
    Files.deleteIfExists(log);
    List<String> withoutMail = arguments(RELAYS.get(0).port()).stream()
        .filter(argument -> !argument.startsWith("--spring.mail.host=")).toList();
    ClusterNode node = new ClusterNode(3, jar(), log, withoutMail);
    node.start();
    assertThat(node.awaitExit(NODE_START)).as("exit code").isNotZero();
    assertThat(node.logSinceStart()).contains("IMRflow cannot start with profile prod: spring.mail.host is not set");
  }

  /**
   * Starts the node while the test holds the start-up lock, as a node setting up at that moment
   * would: its set-up must wait (health DOWN) until the lock is released, then finish.
   */
  private static void restartWhileAnotherNodeSetsUp(ClusterNode node) throws Exception {
    try (Connection other = DriverManager.getConnection(database.url(), ClusterDatabase.USER, ClusterDatabase.PASSWORD)) {
      other.setAutoCommit(false);
      try (Statement statement = other.createStatement()) {
        statement.execute("select pg_advisory_xact_lock(" + StartupLock.KEY + ")");
      }
      node.start();
      await("node " + node.number() + " deployed", NODE_START, () -> node.logSinceStart().contains("ENGINE-07021") ? true : null);
      Thread.sleep(2_000);
      assertThat(node.health()).as("health while another node sets up").isEqualTo("DOWN");
      assertThat(node.logSinceStart()).as("set-up while another node sets up").doesNotContain("Groups and authorizations in place");
      other.commit();
    }
    node.awaitHealthy(NODE_START);
  }

  private static boolean usersAndPanel;

  private void ensureUsersAndPanel() throws IOException {
    if (!usersAndPanel) {
      createUsersAndPanel();
      usersAndPanel = true;
    }
  }

  /** The coordinator and the demo panel's reviewers, created through the API as a deployment would (API.md §2, §6). */
  private void createUsersAndPanel() throws IOException {
    user(COORDINATOR, "Casey", "Coordinator", "coordinators", 0);
    user(QUALITY_REVIEWER, "Quinn", "Quality", "quality-reviewers", 0);
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

  private void decideItems(Case c, String reviewer, int step) {
    List<JsonNode> tasks = awaitTasks(c, "decide-item", reviewer, c.items(), step);
    for (JsonNode task : tasks) {
      as(reviewer, step + 1).ok("POST",
          "/engine-rest/task/" + task.get("id").asText() + "/complete", variables(Map.of(
              CaseProcess.DETERMINATION.name(), "UPHELD",
              CaseProcess.IMRO_GUIDELINE.name(), "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.",
              CaseProcess.RATIONALE.name(), "The requested treatment exceeds what the guideline recommends; it is not medically necessary.")));
    }
  }

  /** A reviewer's first cases (and an expedited one) get a quality review; approving it sends the letter. */
  private void approveQualityReview(Case c, int step) {
    complete(c, "quality-review", QUALITY_REVIEWER, 1, step, Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED"));
  }

  /**
   * Approves the case's quality review where the sampling picked it: after a reviewer's first 10
   * cases, only overturns, expedited cases and a random tenth are. The sampling step's history is
   * asked first (the gateway after it is a routing step, not in the history): the task, where there
   * is one, was created in the same transaction.
   */
  private void approveIfPicked(Case c, int step) {
    String instance = as(COORDINATOR, step).ok("GET", "/api/cases/" + c.number(), null).json()
        .get("processInstanceId").asText();
    await("the quality review sampling of " + c.number(), STEP, () -> as(ADMIN, step).ok("GET",
        "/engine-rest/history/activity-instance/count?processInstanceId=" + instance
            + "&activityId=pick-for-quality-review&finished=true", null).json().get("count").asLong() > 0 ? true : null);
    for (JsonNode task : list(as(QUALITY_REVIEWER, step).ok("GET", "/engine-rest/task?processInstanceBusinessKey="
        + c.number() + "&taskDefinitionKey=quality-review", null).json())) {
      as(QUALITY_REVIEWER, step + 1).ok("POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
          variables(Map.of(CaseProcess.QA_OUTCOME.name(), "APPROVED")));
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

  /**
   * What start-up creates, counted through the engine's REST API on one node. Authorizations change
   * with every assignment, so they are compared only while no case is being worked.
   */
  private static Map<String, Long> setup(int step, boolean withAuthorizations) {
    Map<String, Long> counts = new TreeMap<>();
    List<String> resources = new ArrayList<>(List.of("user", "group", "filter", "deployment", "process-definition",
        "decision-definition"));
    if (withAuthorizations) {
      resources.add("authorization");
    }
    for (String resource : resources) {
      counts.put(resource, as(ADMIN, step).ok("GET", "/engine-rest/" + resource + "/count", null).json().get("count").asLong());
    }
    return counts;
  }

  /** Every party with an address gets the notice and the final letter (API.md §5 correspondence). */
  static Set<String> parties(ObjectNode application) {
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

  static Path jar() throws IOException {
    String configured = System.getProperty("cluster.jar");
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("imrflow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no packaged jar in target/: the cluster test runs in mvn verify, after package"));
    } catch (NoSuchFileException e) {
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
