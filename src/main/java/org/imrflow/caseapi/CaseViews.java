package org.imrflow.caseapi;

import org.imrflow.guidelines.GuidelineCheck;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.CaseItemRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.imrflow.deadlines.Sla;
import org.imrflow.letters.LetterType;
import org.imrflow.letters.Letters;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.springframework.stereotype.Component;

/** Assembles the case API's view of a case from the case, its items, its reviewer and its letters. */
@Component
public class CaseViews {

  private final CaseItemRepository items;
  private final CaseJson json;
  private final ReviewerPanelService reviewers;
  private final Letters letters;
  private final BusinessClock clock;
  private final ReviewGroups groups;

  public CaseViews(CaseItemRepository items, CaseJson json, ReviewerPanelService reviewers, Letters letters,
      BusinessClock clock, ReviewGroups groups) {
    this.groups = groups;
    this.items = items;
    this.json = json;
    this.reviewers = reviewers;
    this.letters = letters;
    this.clock = clock;
  }

  public CaseView of(ImrCase c) {
    List<CaseView.Item> itemViews = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream()
        .map(i -> new CaseView.Item(i.getDescription(), GuidelineCheck.storedOn(i, json), i.getDetermination(),
            i.getImroGuideline(), i.getRationale(), json.facts(i)))
        .toList();
    CaseView.Eligibility eligibility = c.getEligible() == null ? null
        : new CaseView.Eligibility(c.getEligible(), c.eligibilityReasonList());
    CaseView.Letter letter = letters.delivery(c.getCaseNumber(), LetterType.FINAL_DETERMINATION)
        .map(d -> new CaseView.Letter(d.sentOn(), d.recipients()))
        .orElse(null);
    return new CaseView(c.getCaseNumber(), c.getStatus(), c.isExpedited(), eligibility,
        new CaseView.Deadlines(c.getRecordsDue(), c.getDeterminationDue(), c.getNoticeDueOn(),
            letters.delivery(c.getCaseNumber(), LetterType.NOARFI).map(Letters.Sent::sentOn).orElse(null)),
        Sla.of(c, clock.today()),
        reviewer(c.getReviewerId()), itemViews, letter, c.getApplicationReceivedOn(), c.getProcessInstanceId(),
        c.getDeferredBecause(), groups.of(c.getCaseNumber()).stream()
            .map(g -> new CaseView.ReviewGroup(groups.items(g), reviewer(g.getReviewerId()))).toList());
  }

  private CaseView.Reviewer reviewer(String userId) {
    if (userId == null) {
      return null;
    }
    return reviewers.find(userId)
        .map(p -> new CaseView.Reviewer(userId, p.name(), qualifications(p)))
        .orElseGet(() -> new CaseView.Reviewer(userId, userId, ""));
  }

  /** As the letters state them: certifications, subspecialties, licensure. */
  static String qualifications(ReviewerProfile p) {
    String certifications = String.join(", ", p.boardCertifications());
    String subspecialties = p.subspecialties().isEmpty() ? "" : "; subspecialty " + String.join(", ", p.subspecialties());
    String licenses = p.licenses().stream().map(ReviewerProfile.License::state).distinct()
        .collect(Collectors.joining(", "));
    return "Board certified in " + certifications + subspecialties + "; licensed in " + licenses
        + (p.yearsInPractice() == null ? "" : "; " + p.yearsInPractice() + " years in practice");
  }
}
