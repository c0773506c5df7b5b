package org.imrflow.cases;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.imrflow.web.FieldProblem;

/**
 * The Application for Independent Medical Review (DWC Form IMR) as IMRflow takes it in
 * (API.md §5). Stored whole with the case; the case's own columns hold what is queried.
 */
public record Application(
    @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate applicationReceivedOn,
    @NotNull Boolean signedByEmployee,
    Boolean expedited,
    @Size(max = 2000) String expeditedReason,
    @NotNull @Valid Employee employee,
    @Valid Party representative,
    @NotNull @Valid Party employer,
    @NotNull @Valid Party claimsAdministrator,
    @NotNull @Valid UtilizationReview utilizationReview,
    @Valid List<@NotNull @Valid Provider> providers,
    List<@NotBlank @Size(max = 500) String> diagnoses,
    @NotEmpty @Size(max = 50) @Valid List<@NotNull @Valid DisputedItem> disputedItems,
    @Valid Party insurer,
    Applicant applicant,
    Boolean liabilityDisputed,
    @Size(max = 2000) String liabilityDisputeReason) {

  public record Employee(
      @NotBlank @Size(max = 200) String name,
      @Min(0) @Max(120) Integer age,
      Sex sex,
      @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate dateOfInjury,
      @Size(max = 100) String claimNumber,
      @Email @Size(max = 320) String email) {
  }

  public enum Sex { MALE, FEMALE, OTHER, UNKNOWN }

  /**
   * Who filed the application. Only the employee or the employee's representative may (LC 4610.5(d));
   * an application that does not say is taken as the employee's.
   */
  public enum Applicant { EMPLOYEE, REPRESENTATIVE, EMPLOYER, CLAIMS_ADMINISTRATOR, INSURER, PROVIDER, OTHER;

    public boolean mayApply() {
      return this == EMPLOYEE || this == REPRESENTATIVE;
    }
  }

  /** A party identified by id where it has one, always by name. */
  public record Party(
      @Size(max = 100) String id,
      @NotBlank @Size(max = 200) String name,
      @Email @Size(max = 320) String email) {
  }

  public record Organization(@Size(max = 100) String id, @Size(max = 200) String name) {
  }

  public record UtilizationReview(
      @Valid Organization organization,
      @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate decisionDate,
      @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate servedOn,
      Boolean servedByMail,
      Boolean reportAttached,
      Boolean conditionallyNonCertified,
      @Valid Organization physician) {
  }

  /** A physician or facility; {@code group}: the medical group the physician practises in, where known. */
  public record Provider(
      @Size(max = 100) String id,
      @NotBlank @Size(max = 200) String name,
      ProviderRole role,
      @Email @Size(max = 320) String email,
      @Valid Organization group) {
  }

  public enum ProviderRole { REQUESTING, TREATING, FACILITY, OTHER }

  /**
   * The claims administrator disputes liability for the injury (not the treatment's necessity): the
   * review is deferred until the dispute is resolved (8 CCR 9792.10.3; DOMAIN.md §1.3).
   */
  public boolean disputesLiability() {
    return Boolean.TRUE.equals(liabilityDisputed);
  }

  /**
   * Expedited only when asked for with the treating physician's certification of an imminent and
   * serious threat to the employee's health (LC 4610.6(d)), which {@code expeditedReason} states.
   * (Not named isExpedited: Jackson would store it as the application's own {@code expedited}.)
   */
  public boolean expeditedReview() {
    return Boolean.TRUE.equals(expedited) && !expeditedWithoutCertification();
  }

  /** Asked for expedited with no physician's certification: reviewed as standard, and the parties are told why. */
  public boolean expeditedWithoutCertification() {
    return Boolean.TRUE.equals(expedited) && (expeditedReason == null || expeditedReason.isBlank());
  }

  /**
   * A formulary drug dispute: every disputed item is a drug on the MTUS drug formulary, whose
   * determination is due in 5 working days (DOMAIN.md §1.7). One other item keeps the case's regular limit.
   */
  public boolean everyItemFormulary() {
    return disputedItems != null && !disputedItems.isEmpty() && disputedItems.stream().allMatch(DisputedItem::onFormulary);
  }

  public List<Provider> providersOrEmpty() {
    return providers == null ? List.of() : providers;
  }

  public List<String> diagnosesOrEmpty() {
    return diagnoses == null ? List.of() : diagnoses;
  }

  /** The UR decision is served on its decision date unless a service date is given. */
  public LocalDate urServedOn() {
    return utilizationReview.servedOn() != null ? utilizationReview.servedOn() : utilizationReview.decisionDate();
  }

  /** The physician who asked for the treatment: the REQUESTING provider, else the first one. */
  @JsonIgnore
  public Provider requestingProvider() {
    return providersOrEmpty().stream()
        .filter(p -> p.role() == ProviderRole.REQUESTING)
        .findFirst()
        .orElse(providersOrEmpty().isEmpty() ? null : providersOrEmpty().get(0));
  }

  /** Every e-mail address of a party that gets the notices: employee, representative, employer, claims administrator, providers. */
  @JsonIgnore
  public List<String> partyEmails() {
    Stream<String> parties = Stream.of(
        employee == null ? null : employee.email(),
        representative == null ? null : representative.email(),
        employer == null ? null : employer.email(),
        claimsAdministrator == null ? null : claimsAdministrator.email());
    Stream<String> physicians = providersOrEmpty().stream()
        .filter(p -> p.role() == null || p.role() == ProviderRole.REQUESTING || p.role() == ProviderRole.TREATING)
        .map(Provider::email);
    return Stream.concat(parties, physicians).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
  }
}
