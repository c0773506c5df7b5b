package org.imrflow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.quality.ReviewerTrackRecords;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.imrflow.security.Groups;
import org.imrflow.security.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data of API.md §2 on a fresh database: users, the demo panel
 * ({@code demo/panel.json}) and, unless switched off, sample cases waiting at every step so that a
 * newcomer who logs in finds real work. Driven through the same services as the API
 * ({@link DemoCaseSteps}).
 */
@Component
public class DemoData {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final IdentitySetup identitySetup;
  private final ReviewerPanelService panel;
  private final ReviewerTrackRecords trackRecords;
  private final DemoCaseSteps steps;
  private final ObjectMapper mapper;
  private final BusinessClock clock;
  private final TransactionTemplate transactions;
  private final boolean withCases;

  DemoData(IdentityService identity, IdentitySetup identitySetup, ReviewerPanelService panel,
      ReviewerTrackRecords trackRecords, DemoCaseSteps steps, ObjectMapper mapper, BusinessClock clock,
      PlatformTransactionManager transactionManager, @Value("${imrflow.demo.cases:true}") boolean withCases) {
    this.identity = identity;
    this.identitySetup = identitySetup;
    this.panel = panel;
    this.trackRecords = trackRecords;
    this.steps = steps;
    this.mapper = mapper;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.withCases = withCases;
  }

  /** Loads once: a database that already has the demo users is left as it is. */
  public void loadIfEmpty() {
    if (identity.createUserQuery().userId("coordinator").count() > 0) {
      return;
    }
    List<ReviewerProfile> reviewers = DemoFiles.read(mapper, "panel.json", new TypeReference<>() { });
    // One transaction for the users and the panel: start-up pays one commit, not a hundred.
    transactions.executeWithoutResult(status -> {
      user("demo", "Demo", "Administrator", Groups.ADMIN, Groups.MANAGERS);
      user("coordinator", "Casey", "Coordinator", Groups.COORDINATORS);
      user("manager", "Morgan", "Manager", Groups.MANAGERS);
      user("qa", "Quinn", "Quality", Groups.QUALITY_REVIEWERS);
      for (ReviewerProfile reviewer : reviewers) {
        String[] name = reviewer.name().split(",")[0].split(" ", 2);
        user(reviewer.userId(), name[0], name.length > 1 ? name[1] : "", Groups.REVIEWERS);
        panel.register(reviewer);
      }
      // The demo panel has reviewed before: only overturns, expedited cases and the sample go to quality review.
      Map<String, Integer> priors = DemoFiles.read(mapper, "reviewer-track-records.json", new TypeReference<>() { });
      priors.forEach(trackRecords::setPrior);
    });
    log.info("Demo users and a panel of {} reviewers created", reviewers.size());
    if (withCases) {
      loadCases();
    }
  }

  private void loadCases() {
    LocalDate today = clock.today();
    // The seed's case keeps its 2014 dates: complete records, waiting for a reviewer (and long overdue).
    ImrCase seed = steps.apply("seed-pt-exceeds.json", null);
    steps.recordsComplete(seed, LocalDate.parse("2014-08-12"));

    steps.apply("chiro-trial-within.json", today.minusDays(3));
    steps.apply("unsigned-cnc.json", today.minusDays(1));
    // Deferred: the claims administrator disputes liability; a coordinator records when it is resolved.
    steps.apply("liability-disputed.json", today.minusDays(2));

    ImrCase knee = steps.apply("chiro-knee-not-recommended.json", today.minusDays(20));
    steps.recordsComplete(knee, today.minusDays(5));

    ImrCase acupuncture = steps.apply("acupuncture-no-improvement.json", today.minusDays(25));
    steps.recordsComplete(acupuncture, today.minusDays(18));
    steps.assign(acupuncture, "lac-nguyen");

    // Decided and waiting for user qa: an expedited case always gets a quality review.
    ImrCase expedited = steps.summaryWritten("expedited-two-items.json", today.minusDays(2), today.minusDays(1),
        "dr-morales", "The injured worker reports worsening low back pain radiating to the left leg. The treating "
            + "physician certified an imminent and serious threat to the worker's health.");
    steps.decide(expedited, "dr-morales", DemoCaseSteps.upheld(
        "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.",
        "The records document no red flag and no objective neurologic deficit, so the requested "
            + "item is not medically necessary at this time."));
    steps.awaitQualityReview(expedited);

    // Two reviewers: nobody on the panel may decide both a shoulder surgery and a psychological item. The
    // surgeon is assigned to item 1; item 2 waits for the coordinator, whose task says why.
    ImrCase twoReviewers = steps.apply("two-specialties.json", today.minusDays(12));
    steps.recordsComplete(twoReviewers, today.minusDays(6));
    steps.assignGroup(twoReviewers, 0, "dr-chen");

    steps.summaryWritten("postsurgical-meniscectomy.json", today.minusDays(30), today.minusDays(24), "dr-chen",
        "The injured worker is a 45 year old who underwent a right knee arthroscopic partial meniscectomy. "
            + "Post-operative physical therapy was requested. Reports of the surgeon and the therapist were provided.");

    ImrCase decided = steps.summaryWritten("mail-extension-on-time.json", today.minusDays(40), today.minusDays(30),
        "dr-okafor", "The patient is a 21 year old male with an injury date of 12/11/13 and neck and low back pain. "
            + "Examination reveals spasm and tenderness of the paraspinal muscles. Eleven physical therapy visits were completed.");
    // Its draw is outside the quality review's random sample, so that the demo always has a letter out.
    steps.decide(decided, "dr-okafor", DemoCaseSteps.upheld(
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.",
        "MTUS recommends 9-10 visits over 8 weeks for myalgia and myositis. The 8 sessions requested combined "
            + "with the 11 completed exceed what is recommended. Therefore the request is not medically necessary.")
        .putValue(CaseProcess.QA_SAMPLE_DRAW.name(), 99));
    log.info("Demo cases created at every step of the review");
  }

  private void user(String id, String first, String last, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setPassword(id);
      user.setEmail(id + "@imrflow.example");
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
    identitySetup.ensureOwnUserAccess(id);
  }
}
