package org.imrflow.reviewers;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.cases.Application;
import org.imrflow.cases.Application.ProviderRole;

/**
 * A party to a case that a reviewer must have no tie to (LC 139.5(e)): the employee and their
 * representative, the employer, the claims administrator and the insurer, the UR organization and
 * the UR physician who denied, every provider and the medical group of each; with the reason code
 * a tie gives.
 */
record CaseParty(String id, String name, String conflictReason) {

  static List<CaseParty> of(Application a) {
    List<CaseParty> parties = new ArrayList<>();
    add(parties, null, a.employee().name(), "CONFLICT_EMPLOYEE");
    if (a.representative() != null) {
      add(parties, a.representative().id(), a.representative().name(), "CONFLICT_EMPLOYEE");
    }
    add(parties, a.employer().id(), a.employer().name(), "CONFLICT_EMPLOYER");
    add(parties, a.claimsAdministrator().id(), a.claimsAdministrator().name(), "CONFLICT_CLAIMS_ADMINISTRATOR");
    if (a.insurer() != null) {
      add(parties, a.insurer().id(), a.insurer().name(), "CONFLICT_INSURER");
    }
    if (a.utilizationReview().organization() != null) {
      add(parties, a.utilizationReview().organization().id(), a.utilizationReview().organization().name(),
          "CONFLICT_UR_ORGANIZATION");
    }
    if (a.utilizationReview().physician() != null) {
      add(parties, a.utilizationReview().physician().id(), a.utilizationReview().physician().name(),
          "CONFLICT_UR_PHYSICIAN");
    }
    for (Application.Provider p : a.providersOrEmpty()) {
      add(parties, p.id(), p.name(), p.role() == ProviderRole.FACILITY ? "CONFLICT_FACILITY" : "CONFLICT_PROVIDER");
      if (p.group() != null) {
        add(parties, p.group().id(), p.group().name(), "CONFLICT_MEDICAL_GROUP");
      }
    }
    return parties;
  }

  private static void add(List<CaseParty> parties, String id, String name, String reason) {
    if (!Names.blank(id) || !Names.blank(name)) {
      parties.add(new CaseParty(Names.blank(id) ? null : id.trim(), Names.normalize(name), reason));
    }
  }
}
