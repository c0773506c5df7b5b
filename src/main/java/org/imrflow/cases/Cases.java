package org.imrflow.cases;

import org.imrflow.security.Access;
import org.imrflow.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds a case or says plainly that there is none. */
@Component
public class Cases {

  private final CaseRepository repository;
  private final Access access;
  private final ReviewGroupRepository groups;

  public Cases(CaseRepository repository, Access access, ReviewGroupRepository groups) {
    this.groups = groups;
    this.repository = repository;
    this.access = access;
  }

  public ImrCase get(String caseNumber) {
    return repository.findById(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
  }

  /** A case that the current user may not read is answered like one that does not exist (API.md §3). */
  public ImrCase readable(String caseNumber) {
    ImrCase c = get(caseNumber);
    // The second reviewer of a two-reviewer case reads it too (group 0's is the case's reviewer).
    if (!access.mayReadCaseOf(c.getReviewerId()) && !groups.existsByCaseNumberAndReviewerId(caseNumber, access.user().id())) {
      throw new NotFoundException("No case " + caseNumber);
    }
    return c;
  }
}
