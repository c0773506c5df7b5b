package org.imrflow.guidelines;

import org.imrflow.cases.DisputedItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.apidocs.AnyAuthenticatedUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imrflow.cases.BusinessClock;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** On-demand guideline check of one item (API.md §7). Any authenticated user may ask. */
@RestController
@Tag(name = "Guidelines")
class GuidelineController {

  private final GuidelineChecks checks;
  private final BusinessClock clock;

  GuidelineController(GuidelineChecks checks, BusinessClock clock) {
    this.checks = checks;
    this.clock = clock;
  }

  /** A disputed item as in the intake, with the date of injury and the date whose MTUS applies. */
  record CheckRequest(
      @NotBlank @Size(max = 1000) String description,
      @NotNull DisputedItem.Category category,
      List<DisputedItem.@NotNull BodyRegion> bodyRegions,
      DisputedItem.Condition condition,
      @Min(0) @Max(200) Integer requestedVisits,
      @Min(0) @Max(200) Integer completedVisits,
      @Valid DisputedItem.Surgery surgery,
      Boolean functionalImprovementDocumented,
      @Size(max = 2000) String claimsAdministratorGuideline,
      LocalDate dateOfInjury,
      LocalDate asOf,
      @Schema(description = "Clinical facts abstracted from the records, by name; absent or null = not documented."
          + " Every name a check reads is listed here with its type (an unknown name or a wrong type is a 400).")
      Map<String, Object> facts,
      @Valid LinkedSurgery linkedSurgery) {

    DisputedItem item() {
      return new DisputedItem(description, category, bodyRegions, condition, requestedVisits, completedVisits, surgery,
          functionalImprovementDocumented, claimsAdministratorGuideline);
    }
  }

  @Operation(operationId = "checkGuidelines", summary = "Check a disputed item against the MTUS",
      description = "The MTUS in force on `asOf` (default today): verdict, suggested determination and findings with their arithmetic. Decision support: the reviewer decides. Any authenticated user.")
  @AnyAuthenticatedUser
  @PostMapping("/api/guidelines/check")
  GuidelineCheck check(@Valid @RequestBody CheckRequest request) {
    List<FieldProblem> errors = ClinicalFacts.problems(request.facts());
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return checks.check(request.item(), ClinicalFacts.of(request.facts()), request.linkedSurgery(),
        request.dateOfInjury(), request.asOf() == null ? clock.today() : request.asOf());
  }
}
