package org.imrflow;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a case's due jobs the way the job executor would, since tests run without it. */
public final class Jobs {

  private Jobs() {
  }

  /** Executes every job of the process instance that is due now, until none is left. */
  public static int runDue(ManagementService management, String processInstanceId) {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming for " + processInstanceId);
  }
}
