package org.imrflow.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** One disputed treatment of an application, with the facts the guideline checks count (API.md §5). */
public record DisputedItem(
    @NotBlank @Size(max = 1000) String description,
    @NotNull Category category,
    List<@NotNull BodyRegion> bodyRegions,
    Condition condition,
    @Min(0) @Max(200) Integer requestedVisits,
    @Min(0) @Max(200) Integer completedVisits,
    @Valid Surgery surgery,
    Boolean functionalImprovementDocumented,
    @Size(max = 2000) String claimsAdministratorGuideline,
    Boolean formulary) {

  /** An item that does not say whether it is a formulary drug (the Tasklist start form, the guideline checks). */
  public DisputedItem(String description, Category category, List<BodyRegion> bodyRegions, Condition condition,
      Integer requestedVisits, Integer completedVisits, Surgery surgery, Boolean functionalImprovementDocumented,
      String claimsAdministratorGuideline) {
    this(description, category, bodyRegions, condition, requestedVisits, completedVisits, surgery,
        functionalImprovementDocumented, claimsAdministratorGuideline, null);
  }

  public enum Category {
    PHYSICAL_THERAPY, OCCUPATIONAL_THERAPY, CHIROPRACTIC, ACUPUNCTURE, MASSAGE, POSTSURGICAL_THERAPY,
    MEDICATION, IMAGING, INJECTION, SURGERY, DME, PSYCHOLOGICAL, OTHER
  }

  public enum Condition { MYALGIA_MYOSITIS, NEURALGIA_NEURITIS_RADICULITIS, CRPS, LOW_BACK_PAIN, OTHER }

  public enum BodyRegion { NECK, UPPER_BACK, LOW_BACK, SHOULDER, ELBOW, WRIST_HAND, HIP, KNEE, ANKLE_FOOT, HEAD, OTHER }

  public enum Procedure {
    LUMBAR_FUSION, DISCECTOMY_LAMINECTOMY, KNEE_MENISCECTOMY, ACL_RECONSTRUCTION, KNEE_ARTHROPLASTY,
    ROTATOR_CUFF_REPAIR, CARPAL_TUNNEL_RELEASE, OTHER
  }

  public record Surgery(@NotNull Procedure procedure, LocalDate date) {
  }

  /**
   * A drug on the MTUS drug formulary (8 CCR 9792.27.1 et seq., from 2018): its dispute is decided in
   * 5 working days (DOMAIN.md §1.7). Optional, false when absent. (Not named isFormulary: Jackson
   * would store it as a property of its own.)
   */
  public boolean onFormulary() {
    return Boolean.TRUE.equals(formulary);
  }

  public List<BodyRegion> bodyRegionsOrEmpty() {
    return bodyRegions == null ? List.of() : bodyRegions;
  }
}
