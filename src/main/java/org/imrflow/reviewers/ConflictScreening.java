package org.imrflow.reviewers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;

/**
 * A reviewer's ties to the parties of a case (LC 139.5(e)): an affiliation conflicts with a party
 * when their ids match, or when their normalised names match whether or not both have ids (API.md
 * §6): the same company appears under different id schemes.
 */
final class ConflictScreening {

  private ConflictScreening() {
  }

  static Set<String> conflicts(List<Affiliation> affiliations, List<CaseParty> parties) {
    if (affiliations.isEmpty()) {
      return Set.of();
    }
    Set<String> reasons = new LinkedHashSet<>();
    for (Affiliation affiliation : affiliations) {
      for (CaseParty party : parties) {
        if (ties(affiliation, party)) {
          reasons.add(party.conflictReason());
        }
      }
    }
    return reasons;
  }

  static boolean ties(Affiliation affiliation, CaseParty party) {
    if (!Names.blank(affiliation.id()) && party.id() != null && affiliation.id().trim().equalsIgnoreCase(party.id())) {
      return true;
    }
    String name = Names.normalize(affiliation.name());
    return !name.isEmpty() && name.equals(party.name());
  }
}
