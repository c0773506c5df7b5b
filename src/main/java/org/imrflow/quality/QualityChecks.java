package org.imrflow.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.reviewers.ReviewerPanelService;
import org.imrflow.reviewers.ReviewerProfile;
import org.springframework.stereotype.Component;

/**
 * The checks a quality reviewer would otherwise do by hand, run before they read the draft: every
 * item decided, cited and reasoned; nothing in the free text that names or identifies a reviewer
 * (LC 139.5: the letters never name them); credentials and dates that the letter can print.
 */
@Component
public class QualityChecks {

  /** One automatic check: what it looked at, whether it passed, what it found. */
  public record Check(String name, boolean passed, String detail) {
  }

  /** Words too common to show that a rationale speaks of its item. */
  private static final Set<String> COMMON = Set.of("with", "from", "that", "this", "have", "been", "were", "which",
      "for", "and", "the", "per", "week", "weeks", "times", "request", "requested", "each", "left", "right",
      "bilateral", "sessions", "visits");

  private final CaseItemRepository items;
  private final ReviewerPanelService panel;
  private final ReviewGroups groups;

  QualityChecks(CaseItemRepository items, ReviewerPanelService panel, ReviewGroups groups) {
    this.groups = groups;
    this.items = items;
    this.panel = panel;
  }

  public List<Check> run(ImrCase c) {
    // An item the claims administrator authorized was not reviewed: the letter says so, nothing to check.
    List<CaseItem> all = items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream()
        .filter(i -> !i.isAuthorized()).toList();
    List<Check> checks = new ArrayList<>();
    checks.add(itemsDecided(all));
    checks.add(rationalesAddressItems(all));
    checks.add(noReviewerIdentified(c, all));
    checks.add(credentials(c));
    checks.add(dates(c));
    return checks;
  }

  private Check itemsDecided(List<CaseItem> all) {
    List<String> missing = new ArrayList<>();
    for (CaseItem item : all) {
      List<String> gaps = new ArrayList<>();
      if (item.getDetermination() == null) {
        gaps.add("determination");
      }
      if (blank(item.getImroGuideline())) {
        gaps.add("guideline");
      }
      if (blank(item.getRationale())) {
        gaps.add("rationale");
      }
      if (!gaps.isEmpty()) {
        missing.add("item " + (item.getItemIndex() + 1) + " has no " + String.join(", ", gaps));
      }
    }
    return new Check("Every item has a determination, a guideline and a rationale", missing.isEmpty(),
        missing.isEmpty() ? all.size() + " item(s) complete" : String.join("; ", missing));
  }

  /** A rationale speaks of its item when it names something of the item's description. */
  private Check rationalesAddressItems(List<CaseItem> all) {
    List<String> unrelated = new ArrayList<>();
    for (CaseItem item : all) {
      if (blank(item.getRationale())) {
        continue;
      }
      String rationale = item.getRationale().toLowerCase(Locale.ROOT);
      boolean mentions = keywords(item.getDescription()).stream().anyMatch(rationale::contains);
      if (!mentions) {
        unrelated.add("item " + (item.getItemIndex() + 1));
      }
    }
    return new Check("Each rationale addresses its item", unrelated.isEmpty(), unrelated.isEmpty()
        ? "every rationale names what its item requests"
        : "the rationale of " + String.join(", ", unrelated) + " names nothing of the item's request: read it");
  }

  private Check noReviewerIdentified(ImrCase c, List<CaseItem> all) {
    List<String> texts = new ArrayList<>();
    groups.of(c.getCaseNumber()).forEach(g -> texts.add(g.getCaseSummary()));
    List<String> reviewers = groups.reviewers(c.getCaseNumber());
    all.forEach(i -> {
      texts.add(i.getRationale());
      texts.add(i.getImroGuideline());
    });
    String text = String.join("\n", texts.stream().filter(t -> t != null).toList());
    Set<String> found = new LinkedHashSet<>();
    for (ReviewerProfile r : panel.all()) {
      for (String mark : identifying(r)) {
        if (Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(mark) + "(?![\\p{L}\\d])").matcher(text).find()) {
          // The finding says which reviewer's mark, not the mark: task variables reach no letter, but stay terse.
          found.add(reviewers.contains(r.userId()) ? "this case's reviewer" : "panel reviewer " + r.userId());
        }
      }
    }
    return new Check("No reviewer name or identifying detail in the summary, rationales or guidelines",
        found.isEmpty(), found.isEmpty() ? "no panel reviewer's name, user id or license number found"
            : "found a name, user id or license number of " + String.join(", ", found));
  }

  /** A reviewer's name without credentials, surname, user id and license numbers. */
  static List<String> identifying(ReviewerProfile r) {
    List<String> marks = new ArrayList<>();
    String name = r.name().split(",")[0].replaceAll("(?i)^dr\\.?\\s+", "").trim();
    marks.add(name);
    String[] parts = name.split("\\s+");
    if (parts.length > 1 && parts[parts.length - 1].length() > 2) {
      marks.add("Dr. " + parts[parts.length - 1]);
      marks.add(parts[parts.length - 1]);
    }
    marks.add(r.userId());
    if (r.licenses() != null) {
      r.licenses().stream().map(ReviewerProfile.License::number).filter(n -> n != null && n.length() >= 4)
          .forEach(marks::add);
    }
    return marks;
  }

  /** Every reviewer of the case (one per group of items) has credentials to print. */
  private Check credentials(ImrCase c) {
    List<String> reviewers = groups.reviewers(c.getCaseNumber());
    if (reviewers.isEmpty()) {
      return new Check("Credentials", false, "the case has no reviewer");
    }
    List<String> gaps = new ArrayList<>();
    for (String reviewer : reviewers) {
      List<String> own = gaps(c, panel.find(reviewer).orElse(null));
      own.forEach(gap -> gaps.add(reviewers.size() > 1 ? reviewer + ": " + gap : gap));
    }
    return new Check("Credentials: state(s) of licensure and certification(s)/specialty", gaps.isEmpty(),
        gaps.isEmpty() ? "a license current on the day of assignment and a certification to print" : String.join("; ", gaps));
  }

  private static List<String> gaps(ImrCase c, ReviewerProfile r) {
    if (r == null) {
      return List.of("not on the panel");
    }
    LocalDate assigned = c.getNoticeDate() == null ? c.getApplicationReceivedOn() : c.getNoticeDate();
    boolean licensed = r.licenses() != null && r.licenses().stream()
        .anyMatch(l -> l.expires() != null && !l.expires().isBefore(assigned));
    boolean certified = r.boardCertifications() != null && !r.boardCertifications().isEmpty();
    List<String> gaps = new ArrayList<>();
    if (!licensed) {
      gaps.add("no license current on the day of assignment");
    }
    if (!certified) {
      gaps.add("no certification or specialty");
    }
    return gaps;
  }

  private Check dates(ImrCase c) {
    List<String> wrong = new ArrayList<>();
    if (c.getNoticeDate() == null) {
      wrong.add("no date assigned (notice of assignment)");
    } else if (c.getNoticeDate().isBefore(c.getApplicationReceivedOn())) {
      wrong.add("assigned before the application was received");
    }
    if (c.getDecidedOn() == null) {
      wrong.add("no decision date");
    } else if (c.getNoticeDate() != null && c.getDecidedOn().isBefore(c.getNoticeDate())) {
      wrong.add("decided before it was assigned");
    }
    if (c.getUrDecisionDate() != null && c.getUrDecisionDate().isAfter(c.getApplicationReceivedOn())) {
      wrong.add("UR denial dated after the application was received");
    }
    return new Check("Dates: assigned, decided, UR denial, application received", wrong.isEmpty(),
        wrong.isEmpty() ? "in order" : String.join("; ", wrong));
  }

  private static Set<String> keywords(String description) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : description.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
      if (w.length() >= 3 && !COMMON.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        words.add(w.length() > 6 ? w.substring(0, 6) : w);
      }
    }
    return words;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
