package org.imrflow.documents;

import org.imrflow.cases.ImrCase;
import org.imrflow.cases.ReviewGroups;
import org.imrflow.security.Access;
import org.imrflow.web.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may read a case file (API.md §5 documents): coordinators, managers and administrators
 * ({@link Access#isStaff()}), quality reviewers, and the reviewer currently assigned to the case.
 * Anyone else is answered 403.
 */
@Component
class CaseFileAccess {

  /** The quality review's group (API.md §2), accepted here whether or not it exists yet. */
  static final String QUALITY_REVIEWERS = "quality-reviewers";

  private final Access access;
  private final ReviewGroups groups;

  CaseFileAccess(Access access, ReviewGroups groups) {
    this.groups = groups;
    this.access = access;
  }

  void requireReader(ImrCase c) {
    if (access.isStaff() || access.user().in(QUALITY_REVIEWERS) || access.user().id().equals(c.getReviewerId())
        || groups.isReviewer(c.getCaseNumber(), access.user().id())) {
      return;
    }
    throw new ForbiddenException("Only coordinators, managers, quality reviewers and the case's reviewer read its documents");
  }

  void requireUploader() {
    access.requireCoordinatorOrAdmin();
  }

  String userId() {
    return access.user().id();
  }
}
