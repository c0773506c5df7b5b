package org.imrflow.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imrflow.cases.UsDates;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features need of a case's uploaded documents: the letter's list of documents reviewed,
 * the links of the reviewer's forms, and the documents a records receipt names.
 */
@Component
public class CaseFile {


  private final CaseFileDocumentRepository documents;

  CaseFile(CaseFileDocumentRepository documents) {
    this.documents = documents;
  }

  /** "title, author, date" of every uploaded document, oldest document first. */
  public List<String> letterLines(String caseNumber) {
    return documents.findByCaseNumberOrderByDocumentDateAscUploadedAtAsc(caseNumber).stream()
        .map(d -> d.getTitle() + (d.getAuthor() == null || d.getAuthor().isBlank() ? "" : ", " + d.getAuthor())
            + (d.getDocumentDate() == null ? "" : ", " + UsDates.format(d.getDocumentDate())))
        .toList();
  }

  /**
   * Markdown for a task form: each document as a link that opens it in the browser (the webapp
   * session authenticates the read, and the read is audited), and the case file page.
   */
  public String markdownLinks(String caseNumber) {
    StringBuilder md = new StringBuilder();
    List<CaseFileDocument> docs = documents.findByCaseNumberOrderByDocumentDateAscUploadedAtAsc(caseNumber);
    md.append("**Medical records (files):** ").append(docs.isEmpty() ? "none uploaded yet" : docs.size() + " document(s)")
        .append(" · [open the case file](/case-file.html?case=").append(caseNumber).append(")\n\n");
    for (CaseFileDocument d : docs) {
      // One paragraph per document: Tasklist's form-js drops a markdown list whose items are links.
      md.append("[").append(markdownText(d.getTitle())).append("](/api/cases/").append(caseNumber)
          .append("/documents/").append(d.getId()).append("/content)")
          .append(d.getAuthor() == null || d.getAuthor().isBlank() ? "" : ", " + markdownText(d.getAuthor()))
          .append(d.getDocumentDate() == null ? "" : ", " + UsDates.format(d.getDocumentDate()))
          .append(" (").append(d.getPages()).append(d.getPages() == 1 ? " page" : " pages").append(")\n\n");
    }
    return md.toString();
  }

  /** A records receipt may name uploaded documents (API.md §5 records): each must be of this case. */
  @Transactional
  public void listInReceipt(String caseNumber, List<String> documentIds, LocalDate receivedOn) {
    List<FieldProblem> errors = new ArrayList<>();
    List<CaseFileDocument> found = new ArrayList<>();
    for (int i = 0; i < documentIds.size(); i++) {
      String id = documentIds.get(i);
      var d = id == null ? Optional.<CaseFileDocument>empty() : documents.findByIdAndCaseNumber(id, caseNumber);
      if (d.isEmpty()) {
        errors.add(new FieldProblem("documentIds[" + i + "]", "is not a document of case " + caseNumber));
      } else {
        found.add(d.get());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    found.forEach(d -> d.listedOn(receivedOn));
  }

  private static String markdownText(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]()#<>!|])", "\\\\$1").replace('\n', ' ');
  }
}
