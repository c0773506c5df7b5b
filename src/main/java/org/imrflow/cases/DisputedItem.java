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
    @Size(max = 2000) String claimsAdministratorGuideline) {

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

  public List<BodyRegion> bodyRegionsOrEmpty() {
    return bodyRegions == null ? List.of() : bodyRegions;
  }
}
