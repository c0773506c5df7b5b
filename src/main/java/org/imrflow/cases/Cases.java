package org.imrflow.cases;

import org.imrflow.web.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds a case or says plainly that there is none. */
@Component
public class Cases {

  private final CaseRepository repository;

  public Cases(CaseRepository repository) {
    this.repository = repository;
  }

  public ImrCase get(String caseNumber) {
    return repository.findById(caseNumber).orElseThrow(() -> new NotFoundException("No case " + caseNumber));
  }
}
