package org.imrflow.reviewers;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseJson;
import org.imrflow.web.ConflictException;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.imrflow.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and updates panel reviewers; every change updates that reviewer in every node's copy of the panel. */
@Service
public class ReviewerPanelService {

  public static final String REVIEWERS_GROUP = "reviewers";

  private static final Logger log = LoggerFactory.getLogger(ReviewerPanelService.class);

  private final ReviewerRepository repository;
  private final ReviewerPanel panel;
  private final IdentityService identity;
  private final Validator validator;
  private final CaseJson json;
  private final BusinessClock clock;
  private final PanelUpdateRescreening rescreening;

  ReviewerPanelService(ReviewerRepository repository, ReviewerPanel panel, IdentityService identity,
      Validator validator, CaseJson json, BusinessClock clock, PanelUpdateRescreening rescreening) {
    this.rescreening = rescreening;
    this.repository = repository;
    this.panel = panel;
    this.identity = identity;
    this.validator = validator;
    this.json = json;
    this.clock = clock;
  }

  /** A new panel reviewer for an existing Camunda user. */
  @Transactional
  public ReviewerProfile register(ReviewerProfile profile) {
    List<FieldProblem> errors = validate(profile, "");
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (repository.existsById(profile.userId())) {
      throw new ConflictException("Reviewer " + profile.userId() + " is already on the panel");
    }
    if (userOf(profile.userId()).isEmpty()) {
      throw new InvalidInputException("userId", "no Camunda user " + profile.userId() + ": create the user first");
    }
    return save(profile.normalized());
  }

  @Transactional
  public ReviewerProfile update(String userId, ReviewerProfile profile) {
    if (!repository.existsById(userId)) {
      throw new NotFoundException("No reviewer " + userId);
    }
    List<FieldProblem> errors = validate(profile, "");
    if (errors.isEmpty() && !userId.equals(profile.userId())) {
      errors.add(new FieldProblem("userId", "must be " + userId + ", the reviewer being updated"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    ReviewerProfile saved = save(profile.normalized());
    rescreening.rescreen(userId);
    return saved;
  }

  /** A panel reviewer's profile, if the user is on the panel (one look at the panel). */
  public Optional<ReviewerProfile> find(String userId) {
    return Optional.ofNullable(panel.current().byId().get(userId)).map(PanelReviewer::profile);
  }

  /** Every reviewer on the panel (the quality review checks letters against their names). */
  public List<ReviewerProfile> all() {
    return panel.current().byId().values().stream().map(PanelReviewer::profile).toList();
  }

  /** The reviewer with their open cases, or 404. */
  PanelReviewer require(String userId) {
    PanelReviewer r = panel.current().byId().get(userId);
    if (r == null) {
      throw new NotFoundException("No reviewer " + userId);
    }
    return r;
  }

  /** Bean Validation of one profile, fields prefixed (for CSV rows: none; the row is the context). */
  List<FieldProblem> validate(ReviewerProfile profile, String prefix) {
    List<FieldProblem> errors = new ArrayList<>();
    for (ConstraintViolation<ReviewerProfile> v : validator.validate(profile)) {
      errors.add(new FieldProblem(prefix + v.getPropertyPath().toString().replace(".<list element>", ""),
          v.getMessage()));
    }
    return errors;
  }

  /** Saves a valid, normalised profile and makes sure its user is in group {@code reviewers}. */
  ReviewerProfile save(ReviewerProfile p) {
    Optional<Reviewer> onPanel = repository.findById(p.userId());
    Reviewer reviewer = onPanel.orElseGet(() -> new Reviewer(p.userId()));
    reviewer.update(p.name(), p.profession() == null ? null : p.profession().name(), json.write(p.boardCertifications()),
        json.write(p.subspecialties()), json.write(p.certifications()), json.write(p.licenses()), p.yearsInPractice(), p.activePracticeHoursPerWeek(), json.write(p.affiliations()),
        p.active(), clock.now());
    // Written before the panel version moves: a read of the panel in this transaction must see the row.
    if (onPanel.isPresent()) {
      repository.saveAndFlush(reviewer);
    } else {
      repository.insert(reviewer);
    }
    if (identity.createUserQuery().userId(p.userId()).memberOfGroup(REVIEWERS_GROUP).count() == 0
        && identity.createGroupQuery().groupId(REVIEWERS_GROUP).count() == 1) {
      identity.createMembership(p.userId(), REVIEWERS_GROUP);
    }
    panel.changed(p.userId());
    log.info("Reviewer {} saved to the panel", p.userId());
    return p;
  }

  Optional<User> userOf(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult());
  }
}
