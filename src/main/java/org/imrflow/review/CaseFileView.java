package org.imrflow.review;

import org.imrflow.cases.UsDates;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.imrflow.cases.CaseDocument;
import org.imrflow.cases.CaseDocumentRepository;
import org.imrflow.cases.CaseItemRepository;
import org.imrflow.cases.CaseJson;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.cases.DisputedItem;
import org.imrflow.guidelines.GuidelineCheck;
import org.imrflow.cases.Application;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.imrflow.process.TaskView;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The case file as the coordinator or reviewer reads it in the form (parties, diagnoses, disputed
 * items, records received), as it is when the form loads.
 */
@Component
class CaseFileView implements TaskView {

  private static final Set<String> TASKS = Stream.of(Element.RECORD_LIABILITY_RESOLVED, Element.CHASE_OVERDUE_RECORDS,
      Element.ASSIGN_REVIEWER, Element.ATTEST_NO_CONFLICT, Element.WRITE_CASE_SUMMARY, Element.QUALITY_REVIEW,
      Element.EXPEDITE_OVERDUE_CASE).map(e -> e.id).collect(Collectors.toUnmodifiableSet());


  private final Cases cases;
  private final CaseItemRepository items;
  private final CaseDocumentRepository documents;
  private final CaseJson json;

  CaseFileView(Cases cases, CaseItemRepository items, CaseDocumentRepository documents, CaseJson json) {
    this.cases = cases;
    this.items = items;
    this.documents = documents;
    this.json = json;
  }

  @Override
  public Set<String> tasks() {
    return TASKS;
  }

  @Override
  public void show(DelegateTask task, VariableMap form) {
    CaseProcess.CASE_FILE.putIn(form, markdown(cases.get(CaseProcess.CASE_NUMBER.from(task))));
  }

  String markdown(ImrCase c) {
    Application a = json.application(c);
    StringBuilder md = new StringBuilder();
    md.append("**Case ").append(c.getCaseNumber()).append("** · ").append(c.isExpedited() ? "Expedited" : "Standard")
        .append(" · UR denial ").append(UsDates.format(a.utilizationReview().decisionDate()))
        .append(" · application received ").append(UsDates.format(a.applicationReceivedOn())).append("\n\n");
    md.append("**Injured worker:** ")
        .append(a.employee().age() == null ? "age not stated" : a.employee().age() + " year old")
        .append(a.employee().sex() == null ? "" : " " + a.employee().sex().name().toLowerCase())
        .append(", injured ").append(UsDates.format(a.employee().dateOfInjury())).append("\n\n");
    md.append("**Parties:** employer ").append(a.employer().name())
        .append("; claims administrator ").append(a.claimsAdministrator().name());
    if (a.utilizationReview().organization() != null && a.utilizationReview().organization().name() != null) {
      md.append("; UR organization ").append(a.utilizationReview().organization().name());
    }
    a.providersOrEmpty().forEach(p -> md.append("; ").append(p.role() == null ? "provider" : p.role().name().toLowerCase())
        .append(" ").append(p.name()));
    md.append("\n\n");
    if (!a.diagnosesOrEmpty().isEmpty()) {
      md.append("**Diagnoses:** ").append(String.join("; ", a.diagnosesOrEmpty())).append("\n\n");
    }
    md.append("**Disputed items:**\n\n");
    items.findByCaseNumberOrderByItemIndex(c.getCaseNumber()).forEach(item -> {
      DisputedItem d = json.item(item);
      md.append(item.getItemIndex() + 1).append(". ").append(d.description()).append(" (")
          .append(d.category().name().replace('_', ' ').toLowerCase()).append(")\n");
      Map<String, Object> facts = json.facts(item);
      if (!facts.isEmpty()) {
        md.append("   - Facts stated: ").append(facts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("; "))).append("\n");
      }
      GuidelineCheck check = GuidelineCheck.storedOn(item, json);
      if (check != null) {
        md.append("   - Guideline check: ").append(check.verdict())
            .append(check.citation() == null ? "" : "; " + check.citation()).append("\n");
      }
    });
    List<CaseDocument> docs = documents.findByCaseNumberOrderByDocumentDateAscIdAsc(c.getCaseNumber());
    md.append("\n**Records received:** ").append(docs.isEmpty() ? "none yet" : docs.size() + " document(s)").append("\n\n");
    docs.forEach(doc -> md.append("- ").append(doc.getTitle())
        .append(doc.getDocumentDate() == null ? "" : ", " + UsDates.format(doc.getDocumentDate()))
        .append(doc.getAuthor() == null ? "" : ", " + doc.getAuthor()).append("\n"));
    return md.toString();
  }
}
