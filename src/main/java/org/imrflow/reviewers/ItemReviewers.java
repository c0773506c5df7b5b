package org.imrflow.reviewers;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.imrflow.reviewers.ReviewerProfile.Profession;

/**
 * Who may decide one disputed item, as processes/reviewer-specialties.dmn says: for each of the
 * item's body regions the table's matching rows, each a route (professions and specialties) that
 * suffices on its own. A reviewer must fit every region: a surgery of the knee and the spine needs
 * a surgeon of both fields.
 */
record ItemReviewers(List<List<Route>> perRegion) {

  /** No rule names anyone: any reviewer may decide the item. */
  static final ItemReviewers ANYONE = new ItemReviewers(List.of());

  /**
   * One row of the table.
   *
   * @param professions empty: any profession
   * @param specialties normalised names; empty: any specialty of those professions
   */
  record Route(Set<Profession> professions, Set<String> specialties) {

    /**
     * A profile without a profession (registered before professions existed) is matched by
     * specialty only, so it passes a route that names specialties and never one that admits a
     * whole profession.
     */
    boolean admits(Profession profession, Set<String> reviewerSpecialties) {
      boolean professionFits = professions.isEmpty()
          || (profession == null ? !specialties.isEmpty() : professions.contains(profession));
      return professionFits && (specialties.isEmpty() || intersects(specialties, reviewerSpecialties));
    }
  }

  boolean admits(Profession profession, Set<String> reviewerSpecialties) {
    for (List<Route> routes : perRegion) {
      if (routes.isEmpty()) {
        continue;
      }
      boolean any = false;
      for (Route route : routes) {
        if (route.admits(profession, reviewerSpecialties)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private static boolean intersects(Set<String> a, Collection<String> b) {
    // The reviewer's few specialties looked up in the route's set, not the other way round.
    for (String s : b) {
      if (a.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
