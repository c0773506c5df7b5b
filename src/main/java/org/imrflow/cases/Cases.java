package org.imrflow.cases;

import org.imrflow.security.Access;
import org.imrflow.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds a case or says plainly that there is none. */
@Component
public class Cases {

  private final CaseRepository repository;
  private final Access access;

  public Cases(CaseRepository repository, Access access) {
    this.repository = repository;
    this.access = access;
  }

  public ImrCase get(String caseNumber) {
    return repository.findById(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
  }

  /** A case that the current user may not read is answered like one that does not exist (API.md §3). */
  public ImrCase readable(String caseNumber) {
    ImrCase c = get(caseNumber);
    if (!access.mayReadCaseOf(c.getReviewerId())) {
      throw new NotFoundException("No case " + caseNumber);
    }
    return c;
  }
}
