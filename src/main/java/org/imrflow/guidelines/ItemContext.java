package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.guidelines.GuidelineTopics.Topic;
import org.imrflow.guidelines.MtusTables.Citation;

/** One item as the category checks see it: its facts, its topic and what a finding cites. */
record ItemContext(DisputedItem item, ClinicalFacts facts, LinkedSurgery linkedSurgery, Topic topic,
    Citation citation, LocalDate asOf) {

  String rule() {
    return "MTUS-" + topic.topic().replace('_', '-');
  }

  Boolean bool(Fact fact) {
    return facts.bool(fact);
  }

  Integer number(Fact fact) {
    return facts.number(fact);
  }

  List<String> list(Fact fact) {
    return facts.list(fact);
  }

  Assessment within(String explanation) {
    return Assessment.within(rule(), citation, explanation);
  }

  Assessment notRecommended(String explanation) {
    return Assessment.notRecommended(rule(), citation, explanation);
  }

  Assessment exceeds(String explanation) {
    return Assessment.exceeds(rule(), citation, explanation);
  }

  Assessment missing(String explanation, Fact... facts) {
    return Assessment.missing(rule(), citation, explanation, facts);
  }

  Assessment judgement(String explanation) {
    return Assessment.judgement(rule(), citation, explanation + " No mechanical rule decides it: the reviewer judges"
        + " it on the records and the guideline cited.");
  }

  boolean regionIs(DisputedItem.BodyRegion... regions) {
    return item.bodyRegionsOrEmpty().stream().anyMatch(r -> List.of(regions).contains(r));
  }
}
