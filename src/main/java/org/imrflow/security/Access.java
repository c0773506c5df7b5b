package org.imrflow.security;

import org.imrflow.security.CurrentUser.User;
import org.imrflow.web.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * The access rules of API.md §3 for /api: coordinators and managers read every case, a reviewer
 * only the cases assigned to them, and only coordinators and administrators create.
 */
@Component
public class Access {

  private final CurrentUser currentUser;

  public Access(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  public User user() {
    return currentUser.get().orElseThrow(() -> new ForbiddenException("Not authenticated"));
  }

  public void requireCoordinatorOrAdmin() {
    require(Groups.COORDINATORS, Groups.ADMIN);
  }

  public void requireManager() {
    require(Groups.MANAGERS, Groups.ADMIN);
  }

  public void requireStaff() {
    require(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMIN);
  }

  /** Quality reviewers read every case, to check its determination before the letter (API.md §5, §8). */
  public void requireQualityReviewerOrStaff() {
    require(Groups.QUALITY_REVIEWERS, Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMIN);
  }

  public boolean isStaff() {
    return user().in(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMIN);
  }

  /** Staff, or the user themself (a reviewer reading their own profile). */
  public void requireStaffOrSelf(String userId) {
    if (!isStaff() && !user().id().equals(userId)) {
      throw new ForbiddenException("Only coordinators, managers and administrators may read other reviewers");
    }
  }

  /** Staff and quality reviewers read every case, a reviewer the cases assigned to them. */
  public boolean mayReadCaseOf(String assignedReviewerId) {
    return isStaff() || user().in(Groups.QUALITY_REVIEWERS) || user().id().equals(assignedReviewerId);
  }

  private void require(String... groups) {
    if (!user().in(groups)) {
      throw new ForbiddenException("This needs one of the groups " + String.join(", ", groups));
    }
  }
}
