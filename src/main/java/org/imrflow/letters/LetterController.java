package org.imrflow.letters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.security.Access;
import org.imrflow.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A case's final letter (text or the PDF that was mailed) and its correspondence (API.md §5). */
@RestController
@Tag(name = "Letters")
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

  /** The final letter as text (the default) or, for {@code Accept: application/pdf}, the PDF that was mailed. */
  @Operation(operationId = "getFinalLetter", summary = "Read the final determination letter",
      description = "Its text (`Accept: text/plain`) or the PDF that was mailed (`Accept: application/pdf`); 404 until the last item is decided. Whoever may read the case.")
  @ApiResponse(responseCode = "200", description = "The letter", content = {
      @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
      @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
  @GetMapping("/letter")
  ResponseEntity<?> letter(@PathVariable String caseNumber,
      @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "text/plain") String accept) {
    StoredLetter letter = finalLetter(caseNumber);
    if (prefersPdf(accept)) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + caseNumber + "-final-determination.pdf\"")
          .contentType(MediaType.APPLICATION_PDF)
          .body(letter.pdf());
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(letter.text());
  }

  /**
   * The final letter as it would go out now (text, or PDF for {@code Accept: application/pdf}), for
   * the quality review: quality reviewers and staff, once every item is decided.
   */
  @Operation(operationId = "getDraftLetter", summary = "Read the draft of the final letter for quality review",
      description = "The final letter as it would go out now: text (`Accept: text/plain`) or PDF (`Accept: application/pdf`); 404 until every item is decided. Quality reviewers, coordinators, managers and administrators.")
  @ApiResponse(responseCode = "200", description = "The draft letter", content = {
      @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
      @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
  @GetMapping("/letter/draft")
  ResponseEntity<?> draft(@PathVariable String caseNumber,
      @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "text/plain") String accept) {
    access.requireQualityReviewerOrStaff();
    ImrCase c = cases.get(caseNumber);
    if (c.getDecidedOn() == null) {
      throw new NotFoundException("Case " + caseNumber + " has no draft letter before every item is decided");
    }
    if (prefersPdf(accept)) {
      return ResponseEntity.ok()
          .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + caseNumber + "-draft-final-determination.pdf\"")
          .contentType(MediaType.APPLICATION_PDF)
          .body(letters.draftPdf(c, LetterType.FINAL_DETERMINATION));
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(letters.draftText(c, LetterType.FINAL_DETERMINATION));
  }

  private static boolean prefersPdf(String accept) {
    List<MediaType> types = MediaType.parseMediaTypes(accept);
    types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType type : types) {
      if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
        return false;
      }
    }
    return false;
  }

  /** One entry per letter, oldest first, with the recipients it went to. */
  @Operation(operationId = "listCorrespondence", summary = "List the letters and notices sent",
      description = "Every notice and letter mailed for the case, oldest first, with its recipients. Whoever may read the case.")
  @GetMapping("/correspondence")
  List<Letters.Sent> correspondence(@PathVariable String caseNumber) {
    cases.readable(caseNumber);
    return letters.correspondence(caseNumber);
  }

  private StoredLetter finalLetter(String caseNumber) {
    cases.readable(caseNumber);
    return letters.archived(caseNumber, LetterType.FINAL_DETERMINATION)
        .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no final determination letter yet"));
  }
}
