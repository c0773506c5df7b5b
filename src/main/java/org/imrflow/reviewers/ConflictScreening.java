package org.imrflow.reviewers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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
    return Parties.of(parties).conflicts(affiliations);
  }

  /**
   * A case's parties looked up by id and by normalised name, so that screening a reviewer costs a
   * couple of lookups per affiliation rather than a comparison with every party (a whole panel is
   * screened per case).
   */
  static final class Parties {

    static final Parties NONE = of(List.of());

    /** Lookup keys: an id and a name that read alike stay apart. */
    private static final String ID_KEY = "id:";
    private static final String NAME_KEY = "name:";

    private final List<CaseParty> parties;
    private final Map<String, List<Integer>> byId = new HashMap<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();

    private Parties(List<CaseParty> parties) {
      this.parties = parties;
      for (int i = 0; i < parties.size(); i++) {
        CaseParty party = parties.get(i);
        if (party.id() != null) {
          byId.computeIfAbsent(idKey(party.id()), k -> new ArrayList<>()).add(i);
        }
        if (!party.name().isEmpty()) {
          byName.computeIfAbsent(party.name(), k -> new ArrayList<>()).add(i);
        }
      }
    }

    static Parties of(List<CaseParty> parties) {
      return new Parties(List.copyOf(parties));
    }

    /** The conflict reasons of these affiliations, per affiliation in the order of the parties. */
    Set<String> conflicts(List<Affiliation> affiliations) {
      if (affiliations.isEmpty() || parties.isEmpty()) {
        return Set.of();
      }
      Set<String> reasons = null;
      for (Affiliation affiliation : affiliations) {
        List<Integer> sameId = Names.blank(affiliation.id()) ? null : byId.get(idKey(affiliation.id()));
        String name = Names.normalize(affiliation.name());
        List<Integer> sameName = name.isEmpty() ? null : byName.get(name);
        if (sameId == null && sameName == null) {
          continue;
        }
        SortedSet<Integer> tied = new TreeSet<>();
        if (sameId != null) {
          tied.addAll(sameId);
        }
        if (sameName != null) {
          tied.addAll(sameName);
        }
        if (reasons == null) {
          reasons = new LinkedHashSet<>();
        }
        for (int i : tied) {
          reasons.add(parties.get(i).conflictReason());
        }
      }
      return reasons == null ? Set.of() : reasons;
    }

    /** The lookup keys of the parties: what a reviewer's affiliation must have one of to be tied. */
    List<String> keys() {
      List<String> keys = new ArrayList<>(byId.size() + byName.size());
      byId.keySet().forEach(id -> keys.add(ID_KEY + id));
      byName.keySet().forEach(name -> keys.add(NAME_KEY + name));
      return keys;
    }

    /** An affiliation's lookup keys: its id and its normalised name, where it has them. */
    static List<String> keys(Affiliation affiliation) {
      List<String> keys = new ArrayList<>(2);
      if (!Names.blank(affiliation.id())) {
        keys.add(ID_KEY + idKey(affiliation.id()));
      }
      String name = Names.normalize(affiliation.name());
      if (!name.isEmpty()) {
        keys.add(NAME_KEY + name);
      }
      return keys;
    }

    /** Ids compare ignoring case and surrounding spaces; a panel's own are stored so (PanelReviewer). */
    static String idKey(String id) {
      return id.trim().toLowerCase(Locale.ROOT);
    }
  }
}
