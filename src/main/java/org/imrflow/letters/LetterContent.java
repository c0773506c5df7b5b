package org.imrflow.letters;

import org.imrflow.cases.UsDates;
import org.imrflow.cases.Organization;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseDocument;
import org.imrflow.cases.CaseDocumentRepository;
import org.imrflow.documents.CaseFile;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroup;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.deadlines.Deadlines;
import org.imrflow.cases.Determination;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.Application;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.springframework.stereotype.Component;

/**
 * What a letter says about its case, as template variables. The reviewer appears only through
 * licensure states and certifications, never by name (LC 139.5).
 */
@Component
class LetterContent {


  private final CaseItemRepository items;
  private final CaseDocumentRepository documents;
  private final CaseJson json;
  private final ReviewerPanelService reviewers;
  private final Organization organization;
  private final BusinessClock clock;
  private final Deadlines deadlines;
  private final CaseFile caseFile;
  private final ReviewGroups groups;

  LetterContent(CaseItemRepository items, CaseDocumentRepository documents, CaseJson json,
      ReviewerPanelService reviewers, Organization organization, BusinessClock clock, Deadlines deadlines,
      CaseFile caseFile, ReviewGroups groups) {
    this.groups = groups;
    this.caseFile = caseFile;
    this.deadlines = deadlines;
    this.items = items;
    this.documents = documents;
    this.json = json;
    this.reviewers = reviewers;
    this.organization = organization;
    this.clock = clock;
  }

  /** What the letter's template prints; the review's parts (read from four tables) only in a letter that reports it. */
  Map<String, Object> of(ImrCase c, LetterType type, Map<String, Object> extra) {
    Application a = json.application(c);
    Map<String, Object> model = new HashMap<>(extra);
    model.put("org", organization);
    model.put("caseNumber", c.getCaseNumber());
    model.put("today", date(clock.today()));
    model.put("priority", c.isExpedited() ? "Expedited" : "Standard");
    model.put("expeditedWithoutCertification", a.expeditedWithoutCertification() && !c.isExpedited());
    model.put("dateOfInjury", date(a.employee().dateOfInjury()));
    model.put("urDenialDate", date(a.utilizationReview().decisionDate()));
    model.put("applicationReceived", date(a.applicationReceivedOn()));
    model.put("recordsDue", date(c.getRecordsDue()));
    model.put("determinationDue", date(c.getDeterminationDue()));
    model.put("claimNumber", Objects.toString(a.employee().claimNumber(), "not stated"));
    model.put("employeeName", a.employee().name());
    model.put("employer", a.employer().name());
    model.put("claimsAdministrator", a.claimsAdministrator().name());
    model.put("urOrganization", a.utilizationReview().organization() == null ? "not stated"
        : Objects.toString(a.utilizationReview().organization().name(), "not stated"));
    Application.Provider physician = a.requestingProvider();
    model.put("requestingPhysician", physician == null ? "not stated" : physician.name());
    model.put("eligibilityReasons", c.eligibilityReasonList().stream().map(this::reasonText).toList());
    List<Map<String, String>> itemRows = new ArrayList<>();
    List<CaseItem> caseItems = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber());
    for (CaseItem item : caseItems) {
      DisputedItem d = json.item(item);
      Map<String, String> row = new HashMap<>();
      row.put("description", item.getDescription());
      row.put("decidedBy", "");
      if (item.isAuthorized()) {
        row.put("decision", "Authorized by the claims administrator");
        row.put("claimsAdministratorGuideline", decisionBasedOn(d.claimsAdministratorGuideline()));
        row.put("imroGuideline", "not applicable");
        row.put("rationale", "The claims administrator authorized this treatment on " + date(item.getAuthorizedOn())
            + ". It was no longer in dispute and was not reviewed.");
        itemRows.add(row);
        continue;
      }
      row.put("decision", item.getDetermination() == null ? "" : item.getDetermination().label());
      row.put("claimsAdministratorGuideline", decisionBasedOn(d.claimsAdministratorGuideline()));
      row.put("imroGuideline", decisionBasedOn(item.getImroGuideline()));
      row.put("rationale", Objects.toString(item.getRationale(), ""));
      itemRows.add(row);
    }
    model.put("items", itemRows);
    if (type.reportsTheReview()) {
      putAuthorizationDue(caseItems, model);
      model.put("header", header(c, a));
      model.put("summary", Objects.toString(c.getCaseSummary(), ""));
      model.put("documents", documentLines(c));
      putCredentials(c, model);
      putReviewers(c, caseItems, itemRows, model);
    }
    return model;
  }

  /**
   * A case decided by more than one reviewer (one per group of items): each reviewer's credentials
   * and summary under "Expert Reviewer n", and each item says which of them decided it - never a name.
   */
  private void putReviewers(ImrCase c, List<CaseItem> caseItems, List<Map<String, String>> itemRows,
      Map<String, Object> model) {
    List<ReviewGroup> all = groups.of(c.getCaseNumber());
    model.put("severalReviewers", all.size() > 1);
    List<Map<String, String>> rows = new ArrayList<>();
    if (all.size() < 2) {
      model.put("reviewers", rows);
      return;
    }
    LocalDate assigned = c.getNoticeDate() != null ? c.getNoticeDate() : clock.today();
    for (ReviewGroup g : all) {
      List<Integer> ofGroup = groups.items(g);
      ReviewerProfile r = g.getReviewerId() == null ? null : reviewers.find(g.getReviewerId()).orElse(null);
      Credentials credentials = credentials(r, assigned);
      String name = "Expert Reviewer " + (g.getGroupIndex() + 1);
      rows.add(Map.of("name", name,
          "items", (ofGroup.size() > 1 ? "items " : "item ") + String.join(", ", ofGroup.stream().map(i -> String.valueOf(i + 1)).toList()),
          "licensure", credentials.licensure(), "certifications", credentials.certifications(),
          "summary", Objects.toString(g.getCaseSummary(), "")));
      for (int k = 0; k < caseItems.size(); k++) {
        if (ofGroup.contains(caseItems.get(k).getItemIndex()) && !caseItems.get(k).isAuthorized()) {
          itemRows.get(k).put("decidedBy", name + " (State(s) of Licensure: " + credentials.licensure()
              + "; Certification(s)/Specialty: " + credentials.certifications() + ")");
        }
      }
    }
    model.put("reviewers", rows);
  }

  /**
   * An Overturned item is to be authorized within 5 working days of the letter's receipt
   * (8 CCR 9792.10.7). Its receipt is not known when the letter is written, so the letter counts from
   * its own date, the day it is mailed: the earliest receipt, hence the earliest due day.
   */
  private void putAuthorizationDue(List<CaseItem> caseItems, Map<String, Object> model) {
    Deadlines.Deadline due = deadlines.authorizationDue(clock.today());
    model.put("overturned", caseItems.stream()
        .anyMatch(i -> !i.isAuthorized() && i.getDetermination() == Determination.OVERTURNED));
    model.put("authorizationDue", date(due.due()));
    model.put("authorizationDays", due.allowedDays());
  }

  private String header(ImrCase c, Application a) {
    return TextLayout.header(c.getCaseNumber(),
        // "Date Assigned" is when the case was assigned to the review organization (the notice of
        // assignment), as in the real letters, not when a reviewer was chosen.
        List.of(new String[] {"Date Assigned:", date(c.getNoticeDate())},
            new String[] {"Decision Date:", date(c.getDecidedOn())},
            new String[] {"Priority:", c.isExpedited() ? "Expedited" : "Standard"},
            new String[] {"", ""}),
        List.of(new String[] {"Date of Injury:", date(a.employee().dateOfInjury())},
            new String[] {"UR Denial Date:", date(a.utilizationReview().decisionDate())},
            new String[] {"Application", date(a.applicationReceivedOn())},
            new String[] {"Received:", ""}));
  }

  /**
   * The credentials as the real letters print them: the states of the licenses current on the day
   * the case was assigned (a license that lapses during the review still qualified the reviewer),
   * then the board certifications followed by the subspecialties on one line.
   */
  private void putCredentials(ImrCase c, Map<String, Object> model) {
    ReviewerProfile r = c.getReviewerId() == null ? null : reviewers.find(c.getReviewerId()).orElse(null);
    Credentials credentials = credentials(r, c.getNoticeDate() != null ? c.getNoticeDate() : clock.today());
    model.put("licensure", credentials.licensure());
    model.put("certifications", credentials.certifications());
    model.put("subspecialties", r == null ? "" : String.join(", ", r.subspecialties()));
  }

  /** As a letter prints them: "California,Nevada" and "Orthopedic Surgery, Orthopedic Sports Medicine". */
  private record Credentials(String licensure, String certifications) {
  }

  /** State(s) of licensure and certification(s)/specialty, as of the day the case was assigned. */
  private static Credentials credentials(ReviewerProfile r, LocalDate assigned) {
    String licensure = r == null ? "" : r.licenses().stream()
        .filter(l -> l.expires() != null && !l.expires().isBefore(assigned))
        .map(l -> UsStates.name(l.state())).distinct().collect(Collectors.joining(","));
    List<String> specialties = new ArrayList<>();
    if (r != null) {
      // A dated certification that had lapsed when the case was assigned is not a credential of the letter.
      List<String> lapsed = r.certifications() == null ? List.of() : r.certifications().stream()
          .filter(cert -> cert.expires() != null && cert.expires().isBefore(assigned))
          .map(ReviewerProfile.Certification::name).toList();
      r.boardCertifications().stream().filter(b -> !lapsed.contains(b)).forEach(specialties::add);
      r.subspecialties().stream().filter(s -> !specialties.contains(s)).forEach(specialties::add);
    }
    return new Credentials(licensure, String.join(", ", specialties));
  }

  /**
   * Documents reviewed (issue 13): the records listed with /records, every uploaded document, and
   * what every review rests on: the application, the UR decision and the MTUS.
   */
  private List<String> documentLines(ImrCase c) {
    List<String> lines = new ArrayList<>(documents.findByCaseNumberOrderByDocumentDateAscIdAsc(c.getCaseNumber()).stream()
        .map(d -> d.getTitle() + (d.getAuthor() == null ? "" : ", " + d.getAuthor())
            + (d.getDocumentDate() == null ? "" : ", " + date(d.getDocumentDate())))
        .toList());
    lines.addAll(caseFile.letterLines(c.getCaseNumber()));
    lines.add("Application for Independent Medical Review, received " + date(c.getApplicationReceivedOn()));
    lines.add("Utilization Review decision, " + date(c.getUrDecisionDate()));
    lines.add("California Medical Treatment Utilization Schedule (MTUS), 8 CCR 9792.20 et seq.");
    return lines;
  }

  /**
   * The letters write "Decision based on ..." before a citation. A line that is a sentence rather
   * than a citation ("The Expert Reviewer based their decision on recommendation(s) outside of the
   * MTUS...", "The Expert Reviewer did not cite any medical evidence for its decision.") is printed
   * as written, as about a third of real items show.
   */
  static String decisionBasedOn(String guideline) {
    if (guideline == null || guideline.isBlank()) {
      return "The Claims Administrator did not cite any medical evidence for its decision.";
    }
    String g = guideline.trim();
    return g.startsWith("Decision based on") || g.matches("(?s)^The\\s.*") ? g : "Decision based on " + g;
  }

  static String date(LocalDate date) {
    return date == null ? "" : UsDates.format(date);
  }

  String reasonText(String code) {
    return switch (code) {
      case "UNSIGNED" -> "The application was not signed by the employee or the employee's representative "
          + "(8 CCR 9792.10.1(b)).";
      case "LATE_APPLICATION" -> {
        int days = deadlines.applicationDays(false);
        yield "The application was not received within " + days + " days of service of the utilization review "
            + "decision, plus " + (deadlines.applicationDays(true) - days) + " days when that decision was served by "
            + "mail (Labor Code 4610.5(h)(1)).";
      }
      case "NO_UR_REPORT" -> "A copy of the written utilization review decision was not submitted with the "
          + "application (8 CCR 9792.10.1(b)).";
      case "CONDITIONALLY_NON_CERTIFIED" -> "The utilization review decision was a conditional non-certification "
          + "for missing information, which is not a dispute of medical necessity (8 CCR 9792.10.3).";
      case "NOT_FILED_BY_EMPLOYEE" -> "The application was not filed by the employee or the employee's "
          + "representative, who alone may request independent medical review (Labor Code 4610.5(d)).";
      case "DUPLICATE" -> "The same treatment has already been decided by independent medical review "
          + "(8 CCR 9792.10.3).";
      default -> code;
    };
  }
}
