package org.imrflow.guidelines;

import org.imrflow.process.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;
import org.imrflow.cases.DisputedItem.Condition;
import org.imrflow.cases.DisputedItem.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The MTUS decision tables as files: what Camunda 7.24 and the Modeler need (kebab-case ids,
 * historyTimeToLive, a DMNDI shape per decision, descriptions), a source on every row, and no two
 * rows of a UNIQUE table matching the same input.
 */
class MtusDmnFilesTest {

  static final List<String> FILES = StandaloneDecisionTables.FILES;
  private static final String MODEL = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";

  @ParameterizedTest
  @FieldSource("FILES")
  void idsAreKebabCaseAndEveryDecisionHasAHistoryTimeToLiveAndAShape(String file) throws Exception {
    Document dmn = read(file);
    NodeList all = dmn.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("id")) {
        assertThat(e.getAttribute("id")).as(file + " " + e.getLocalName()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      }
    }
    assertThat(dmn.getElementsByTagNameNS(MODEL, "documentation").getLength()).isZero();
    List<String> shapes = new ArrayList<>();
    NodeList shapeNodes = dmn.getElementsByTagNameNS(DMNDI, "DMNShape");
    for (int i = 0; i < shapeNodes.getLength(); i++) {
      shapes.add(((Element) shapeNodes.item(i)).getAttribute("dmnElementRef"));
    }
    NodeList decisions = dmn.getElementsByTagNameNS(MODEL, "decision");
    assertThat(decisions.getLength()).isPositive();
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      String id = decision.getAttribute("id");
      assertThat(decision.getAttributeNS(CAMUNDA, "historyTimeToLive")).as(id).isNotBlank();
      assertThat(shapes).as(id).contains(id);
      assertThat(child(decision, "description")).as(id).isNotBlank();
    }
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void everyRowSaysWhatItIsAndWhereItComesFrom(String file) throws Exception {
    Document dmn = read(file);
    NodeList tables = dmn.getElementsByTagNameNS(MODEL, "decisionTable");
    for (int t = 0; t < tables.getLength(); t++) {
      Element table = (Element) tables.item(t);
      NodeList outputs = table.getElementsByTagNameNS(MODEL, "output");
      int source = -1;
      for (int o = 0; o < outputs.getLength(); o++) {
        if ("source".equals(((Element) outputs.item(o)).getAttribute("name"))) {
          source = o;
        }
      }
      assertThat(source).as(table.getAttribute("id") + " has a source column").isNotNegative();
      NodeList rules = table.getElementsByTagNameNS(MODEL, "rule");
      assertThat(rules.getLength()).isPositive();
      for (int r = 0; r < rules.getLength(); r++) {
        Element rule = (Element) rules.item(r);
        assertThat(child(rule, "description")).as(rule.getAttribute("id")).isNotBlank();
        Element entry = (Element) rule.getElementsByTagNameNS(MODEL, "outputEntry").item(source);
        assertThat(entry.getTextContent().trim()).as(rule.getAttribute("id") + " source").matches("\".+\"");
      }
    }
  }

  @Test
  void everyInputOnEitherSideOfEveryEffectiveDateMatchesAtMostOneRow() {
    Map<String, DmnDecision> decisions = StandaloneDecisionTables.decisions();
    DecisionTables tables = StandaloneDecisionTables.instance();
    List<LocalDate> dates = new ArrayList<>();
    for (String d : new String[] {"2004-01-01", "2007-06-15", "2009-07-18", "2016-07-28", "2017-12-01"}) {
      dates.add(LocalDate.parse(d).minusDays(1));
      dates.add(LocalDate.parse(d));
    }
    assertThat(decisions).containsKeys(MtusTables.PHYSICAL_MEDICINE, MtusTables.MANUAL_THERAPY, MtusTables.MASSAGE,
        MtusTables.ACUPUNCTURE, MtusTables.STATUTORY_CAP, MtusTables.POSTSURGICAL);
    for (LocalDate date : dates) {
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (Object condition : values(Condition.values())) {
        inputs.add(input(MtusTables.PHYSICAL_MEDICINE, "asOf", date, "condition", condition));
      }
      for (Object region : values(BodyRegion.values())) {
        inputs.add(input(MtusTables.MANUAL_THERAPY, "asOf", date, "bodyRegion", region));
      }
      inputs.add(input(MtusTables.MASSAGE, "asOf", date, null, null));
      inputs.add(input(MtusTables.ACUPUNCTURE, "asOf", date, null, null));
      for (Category category : Category.values()) {
        inputs.add(input(MtusTables.STATUTORY_CAP, "dateOfInjury", date, "discipline", category.name()));
      }
      for (Procedure procedure : Procedure.values()) {
        inputs.add(input(MtusTables.POSTSURGICAL, "asOf", date, "procedure", procedure.name()));
      }
      for (Map<String, Object> in : inputs) {
        String key = (String) in.remove("decision");
        // A UNIQUE table that matches two rows throws here.
        assertThat(tables.evaluate(key, in)).as(key + " " + in).hasSizeLessThanOrEqualTo(1);
      }
    }
  }

  private static List<Object> values(Enum<?>[] values) {
    List<Object> all = new ArrayList<>();
    for (Enum<?> v : values) {
      all.add(v.name());
    }
    all.add(MtusTables.UNSTATED);
    return all;
  }

  private static Map<String, Object> input(String decision, String dateName, LocalDate date, String name, Object value) {
    Map<String, Object> in = new HashMap<>();
    in.put("decision", decision);
    in.put(dateName, date.atStartOfDay());
    if (name != null) {
      in.put(name, value);
    }
    return in;
  }

  private static String child(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && name.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }

  private static Document read(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = MtusDmnFilesTest.class.getClassLoader().getResourceAsStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }
}
