package org.imrflow.guidelines;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrflow.cases.Application;
import org.imrflow.cases.CaseItem;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.DisputedItem;
import org.imrflow.cases.ImrCase;
import org.springframework.stereotype.Service;

/**
 * The guideline check of one item of a case, on the facts the reviewer stated (kept with the item)
 * and, for a service associated with a surgery disputed in the same case, that surgery's decision.
 */
@Service
public class ItemGuidelines {

  private final CaseItemRepository items;
  private final GuidelineChecks checks;
  private final GuidelineTopics topics;
  private final CaseJson json;
  private final ObjectMapper mapper;

  ItemGuidelines(CaseItemRepository items, GuidelineChecks checks, GuidelineTopics topics, CaseJson json,
      ObjectMapper mapper) {
    this.items = items;
    this.checks = checks;
    this.topics = topics;
    this.json = json;
    this.mapper = mapper;
  }

  /** Runs the check on the item's stated facts and keeps its answer with the item. */
  public GuidelineCheck check(ImrCase c, CaseItem item) {
    Application application = json.application(c);
    Map<String, Object> stated = facts(item);
    DisputedItem disputed = withStatedTherapyFacts(json.item(item), ClinicalFacts.of(stated));
    GuidelineCheck check = checks.check(disputed, ClinicalFacts.of(stated), linkedSurgery(c, item, disputed),
        application.employee().dateOfInjury(), c.getUrDecisionDate());
    item.setGuidelineCheck(json.write(check));
    return check;
  }

  /**
   * Reads the facts as the form's text states them and keeps them with the item. Answers the lines that
   * cannot be read; then nothing is kept.
   */
  public List<String> state(CaseItem item, String text) {
    FactsText.Parsed parsed = FactsText.parse(text);
    if (parsed.problems().isEmpty()) {
      item.setClinicalFacts(parsed.facts().isEmpty() ? null : json.write(parsed.facts()));
    }
    return parsed.problems();
  }

  /** The facts kept with the item (names as the API's), empty when none were stated. */
  public Map<String, Object> facts(CaseItem item) {
    if (item.getClinicalFacts() == null) {
      return Map.of();
    }
    try {
      return mapper.readValue(item.getClinicalFacts(), new TypeReference<LinkedHashMap<String, Object>>() { });
    } catch (IOException e) {
      throw new IllegalStateException("stored facts of an item are unreadable");
    }
  }

  /**
   * The text the form starts with: the facts the item's criteria read, filled in with those already
   * stated, else with what the application says (the therapy fields).
   */
  String factsTemplate(CaseItem item, DisputedItem disputed) {
    Map<String, Object> known = new LinkedHashMap<>();
    if (disputed.completedVisits() != null) {
      known.put(Fact.completedVisits.name(), disputed.completedVisits());
    }
    if (disputed.functionalImprovementDocumented() != null) {
      known.put(Fact.functionalImprovementDocumented.name(), disputed.functionalImprovementDocumented());
    }
    known.putAll(facts(item));
    return FactsText.template(topics.topic(disputed).facts(), known);
  }

  /** In a case the reviewer's reading of the records is newer than the application's: stated facts win. */
  private static DisputedItem withStatedTherapyFacts(DisputedItem item, ClinicalFacts stated) {
    Integer requested = stated.number(Fact.requestedVisits);
    Integer completed = stated.number(Fact.completedVisits);
    Boolean improved = stated.bool(Fact.functionalImprovementDocumented);
    return new DisputedItem(item.description(), item.category(), item.bodyRegions(), item.condition(),
        requested != null ? requested : item.requestedVisits(), completed != null ? completed : item.completedVisits(),
        item.surgery(), improved != null ? improved : item.functionalImprovementDocumented(),
        item.claimsAdministratorGuideline(), item.formulary());
  }

  /**
   * The surgery of the same case an associated service depends on: the case's surgery item, with its
   * decision once made. Only for items whose topic is an associated service, or that say so.
   */
  private LinkedSurgery linkedSurgery(ImrCase c, CaseItem item, DisputedItem disputed) {
    if (disputed.category() == DisputedItem.Category.SURGERY) {
      return null;
    }
    boolean associated = topics.topic(disputed).group().equals("ASSOCIATED")
        || disputed.description().toLowerCase(Locale.ROOT).startsWith("associated surgical service")
        || disputed.category() == DisputedItem.Category.POSTSURGICAL_THERAPY;
    if (!associated) {
      return null;
    }
    return items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).stream()
        .filter(i -> i.getItemIndex() != item.getItemIndex())
        .filter(i -> DisputedItem.Category.SURGERY.name().equals(i.getCategory()))
        .findFirst().map(s -> new LinkedSurgery(s.getDescription(), s.getDetermination())).orElse(null);
  }
}
