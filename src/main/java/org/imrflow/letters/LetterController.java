package org.imrflow.letters;

import java.util.List;
import org.imrflow.cases.Cases;
import org.imrflow.security.Access;
import org.imrflow.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's final letter (text or the PDF that was mailed) and its correspondence (API.md §5). */
@RestController
@RequestMapping("/api/cases/{caseNumber}")
class LetterController {

  private final Cases cases;
  private final Letters letters;
  private final Access access;

  LetterController(Cases cases, Letters letters, Access access) {
    this.cases = cases;
    this.letters = letters;
    this.access = access;
  }

  @GetMapping(path = "/letter", produces = MediaType.TEXT_PLAIN_VALUE)
  String text(@PathVariable String caseNumber) {
    return finalLetter(caseNumber).text();
  }

  @GetMapping(path = "/letter", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable String caseNumber) {
    StoredLetter letter = finalLetter(caseNumber);
    return ResponseEntity.ok()
        .header("Content-Disposition", "inline; filename=\"" + caseNumber + "-final-determination.pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(letter.pdf());
  }

  /** One entry per letter, oldest first, with the recipients it went to. */
  @GetMapping("/correspondence")
  List<Letters.Sent> correspondence(@PathVariable String caseNumber) {
    access.readable(cases.get(caseNumber));
    return letters.correspondence(caseNumber);
  }

  private StoredLetter finalLetter(String caseNumber) {
    access.readable(cases.get(caseNumber));
    return letters.archived(caseNumber, LetterType.FINAL_DETERMINATION)
        .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no final determination letter yet"));
  }
}
