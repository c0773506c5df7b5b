package org.imrflow.intake;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.TaskInput;
import org.springframework.stereotype.Component;

/**
 * Completing {@code record-liability-resolved}: the day the liability dispute was resolved, neither
 * in the future (California's business day) nor before the application was received; how it was
 * resolved is optional text. Screening then resumes (CaseLifecycle, the model).
 */
@Component("liabilityResolvedGuard")
class LiabilityResolvedGuard implements TaskListener {

  static final int MAX_RESOLUTION = 2000;

  private final Cases cases;
  private final BusinessClock clock;

  LiabilityResolvedGuard(Cases cases, BusinessClock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInput input = TaskInput.of(task);
    LocalDate resolvedOn = input.date(CaseProcess.LIABILITY_RESOLVED_ON);
    input.optionalText(CaseProcess.LIABILITY_RESOLUTION, MAX_RESOLUTION);
    ImrCase c = cases.get(CaseProcess.CASE_NUMBER.from(task));
    if (resolvedOn != null && resolvedOn.isAfter(clock.today())) {
      input.refuse(CaseProcess.LIABILITY_RESOLVED_ON.name() + " must not be in the future");
    } else if (resolvedOn != null && resolvedOn.isBefore(c.getApplicationReceivedOn())) {
      input.refuse(CaseProcess.LIABILITY_RESOLVED_ON.name() + " must not be before the application was received ("
          + c.getApplicationReceivedOn() + ")");
    }
    input.check();
    // Stored as the engine stores dates (ISO text), whatever the form sent.
    CaseProcess.LIABILITY_RESOLVED_ON.set(task, resolvedOn);
  }
}
