package org.imrflow.reviewers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.apidocs.ApiRefusal;
import org.imrflow.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The reviewer panel (API.md §6). Coordinators and administrators change it. */
@RestController
@Tag(name = "Reviewers")
@RequestMapping("/api/reviewers")
class ReviewerController {

  private final ReviewerPanelService panel;
  private final ReviewerCsvImport csvImport;
  private final Access access;

  ReviewerController(ReviewerPanelService panel, ReviewerCsvImport csvImport, Access access) {
    this.panel = panel;
    this.csvImport = csvImport;
    this.access = access;
  }

  @Operation(operationId = "registerReviewer", summary = "Register a reviewer on the panel",
      description = "The reviewer needs a Camunda user in group `reviewers`. `profession` (MD, DO, DC, LAC, "
          + "PHD_PSYCHOLOGY, PSYD, DPM, DDS, PT, OTHER) and `certifications` ([{\"name\", \"expires\"}], a board "
          + "certification counting through its expiry day) are additive: an unknown profession or a certification "
          + "without `expires` is a 400 naming the field. Coordinators and administrators.")
  @ApiRefusal(status = "409", when = "The reviewer is already on the panel.")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<ReviewerProfile> register(@RequestBody ReviewerProfile profile) {
    access.requireCoordinatorOrAdmin();
    ReviewerProfile saved = panel.register(profile);
    return ResponseEntity.created(URI.create("/api/reviewers/" + saved.userId())).body(saved);
  }

  @Operation(operationId = "updateReviewer", summary = "Update a reviewer's profile",
      description = "Coordinators and administrators.")
  @PutMapping("/{userId}")
  ReviewerProfile update(@PathVariable String userId, @RequestBody ReviewerProfile profile) {
    access.requireCoordinatorOrAdmin();
    return panel.update(userId, profile);
  }

  @Operation(operationId = "getReviewer", summary = "Read a reviewer's profile",
      description = "With the number of open cases. Staff, or the reviewer themself.")
  @GetMapping("/{userId}")
  Map<String, Object> get(@PathVariable String userId) {
    access.requireStaffOrSelf(userId);
    PanelReviewer reviewer = panel.require(userId);
    ReviewerProfile p = reviewer.profile();
    var view = new LinkedHashMap<String, Object>();
    view.put("userId", p.userId());
    view.put("name", p.name());
    view.put("profession", p.profession());
    view.put("boardCertifications", p.boardCertifications());
    view.put("subspecialties", p.subspecialties());
    view.put("certifications", p.certifications());
    view.put("licenses", p.licenses());
    view.put("yearsInPractice", p.yearsInPractice());
    view.put("activePracticeHoursPerWeek", p.activePracticeHoursPerWeek());
    view.put("affiliations", p.affiliations());
    view.put("active", p.active());
    view.put("openCases", reviewer.openCases());
    return view;
  }

  @Operation(operationId = "importReviewers", summary = "Import reviewers from CSV",
      description = "One reviewer a row under a header row; lists separated by `;`. Columns: userId, name, "
          + "profession, boardCertifications, subspecialties, certifications (NAME:yyyy-MM-dd), licenses "
          + "(STATE:NUMBER:yyyy-MM-dd), yearsInPractice, activePracticeHoursPerWeek, affiliations (KIND:ID:NAME), "
          + "active, email. All rows or none: 400 names every bad row by line number. Coordinators and administrators.")
  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  Map<String, Object> importCsv(@RequestBody String csv) {
    access.requireCoordinatorOrAdmin();
    List<ReviewerProfile> imported = csvImport.importAll(csv);
    return Map.of("imported", imported.size());
  }
}
