package org.imrflow.guidelines;

import org.imrflow.process.DecisionTables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.imrflow.cases.DisputedItem.Procedure;
import org.springframework.stereotype.Component;

/**
 * The MTUS numbers, read from the decision tables {@code processes/mtus-therapy-limits.dmn} and
 * {@code processes/mtus-postsurgical.dmn}: the row in force on a date, typed. The numbers and their
 * sources live in the tables; nothing here knows a limit.
 */
@Component
class MtusTables {

  static final String PHYSICAL_MEDICINE = "mtus-physical-medicine";
  static final String MANUAL_THERAPY = "mtus-manual-therapy";
  static final String MASSAGE = "mtus-massage";
  static final String ACUPUNCTURE = "mtus-acupuncture";
  static final String STATUTORY_CAP = "mtus-statutory-cap";
  static final String POSTSURGICAL = "mtus-postsurgical-course";

  /** Input value for a condition or body region the item does not state. */
  static final String UNSTATED = "UNSTATED";

  private final DecisionTables tables;

  MtusTables(DecisionTables tables) {
    this.tables = tables;
  }

  /** Where a number comes from: what a finding cites, and the row's source. */
  record Citation(String guideline, String section, String pages, String source) {
  }

  record PhysicalMedicine(Integer minVisits, Integer maxVisits, String weeks, String conditionLabel,
      Integer trialVisits, Integer maxVisitsPerWeek, Citation citation) {
  }

  record ManualTherapy(boolean recommended, Integer trialVisits, String trialWeeks, Integer maxVisits,
      String maxWeeks, Citation citation) {
  }

  record Massage(int minVisits, int maxVisits, Citation citation) {
  }

  record Acupuncture(int minTrialVisits, int trialVisits, int minVisitsPerWeek, int maxVisitsPerWeek,
      String duration, Citation citation) {
  }

  record StatutoryCap(int maxVisits, String disciplineLabel, String appliesTo, Citation citation) {
  }

  record PostsurgicalCourse(Integer minVisits, Integer maxVisits, String weeks, int periodMonths,
      String procedureLabel, Citation citation) {
  }

  Optional<PhysicalMedicine> physicalMedicine(LocalDate asOf, Condition condition) {
    return row(PHYSICAL_MEDICINE, inputs("asOf", asOf, "condition", condition == null ? UNSTATED : condition.name()))
        .map(r -> new PhysicalMedicine(integer(r, "minVisits"), integer(r, "maxVisits"), (String) r.get("weeks"),
            (String) r.get("conditionLabel"), integer(r, "trialVisits"), integer(r, "maxVisitsPerWeek"), citation(r)));
  }

  Optional<ManualTherapy> manualTherapy(LocalDate asOf, BodyRegion region) {
    return row(MANUAL_THERAPY, inputs("asOf", asOf, "bodyRegion", region == null ? UNSTATED : region.name()))
        .map(r -> new ManualTherapy(Boolean.TRUE.equals(r.get("recommended")), integer(r, "trialVisits"),
            (String) r.get("trialWeeks"), integer(r, "maxVisits"), (String) r.get("maxWeeks"), citation(r)));
  }

  Optional<Massage> massage(LocalDate asOf) {
    return row(MASSAGE, inputs("asOf", asOf, null, null))
        .map(r -> new Massage(integer(r, "minVisits"), integer(r, "maxVisits"), citation(r)));
  }

  Optional<Acupuncture> acupuncture(LocalDate asOf) {
    return row(ACUPUNCTURE, inputs("asOf", asOf, null, null))
        .map(r -> new Acupuncture(integer(r, "minTrialVisits"), integer(r, "trialVisits"),
            integer(r, "minVisitsPerWeek"), integer(r, "maxVisitsPerWeek"), (String) r.get("duration"), citation(r)));
  }

  /** The cap of LC 4604.5 for an injury on that date, if one applies to the discipline. */
  Optional<StatutoryCap> statutoryCap(Category discipline, LocalDate dateOfInjury) {
    Map<String, Object> in = new HashMap<>();
    in.put("discipline", discipline.name());
    in.put("dateOfInjury", dateOfInjury == null ? null : dateOfInjury.atStartOfDay());
    return row(STATUTORY_CAP, in)
        .map(r -> new StatutoryCap(integer(r, "maxVisits"), (String) r.get("disciplineLabel"),
            (String) r.get("appliesTo"), citation(r)));
  }

  Optional<PostsurgicalCourse> postsurgical(LocalDate asOf, Procedure procedure) {
    return row(POSTSURGICAL, inputs("asOf", asOf, "procedure", procedure.name()))
        .map(r -> new PostsurgicalCourse(integer(r, "minVisits"), integer(r, "maxVisits"), (String) r.get("weeks"),
            integer(r, "periodMonths"), (String) r.get("procedureLabel"), citation(r)));
  }

  private Optional<Map<String, Object>> row(String decision, Map<String, Object> inputs) {
    List<Map<String, Object>> rows = tables.evaluate(decision, inputs);
    if (rows.size() > 1) {
      throw new IllegalStateException(decision + " matched " + rows.size() + " rows: its rules overlap");
    }
    return rows.stream().findFirst();
  }

  /** Dates go in as the start of the day: the tables' type "date" takes date-times (see the DMN files). */
  private static Map<String, Object> inputs(String dateName, LocalDate date, String name, String value) {
    Map<String, Object> in = new HashMap<>();
    in.put(dateName, date.atStartOfDay());
    if (name != null) {
      in.put(name, value);
    }
    return in;
  }

  private static Citation citation(Map<String, Object> row) {
    return new Citation((String) row.get("guideline"), (String) row.get("section"), (String) row.get("pages"),
        (String) row.get("source"));
  }

  private static Integer integer(Map<String, Object> row, String name) {
    Object value = row.get(name);
    return value == null ? null : ((Number) value).intValue();
  }
}
