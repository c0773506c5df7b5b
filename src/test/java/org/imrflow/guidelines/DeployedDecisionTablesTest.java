package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.imrflow.IntegrationTest;
import org.imrflow.process.CachedDecisions;
import org.imrflow.process.DecisionTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tables as the engine deployed them, evaluated where the process evaluates them: inside the
 * command of a reviewer who completed a task and has no right to evaluate decisions.
 */
@IntegrationTest
class DeployedDecisionTablesTest {

  @Autowired
  private DecisionService decisions;
  @Autowired
  private IdentityService identity;
  @Autowired
  private ProcessEngineConfigurationImpl engine;

  @AfterEach
  void clearAuthentication() {
    identity.clearAuthentication();
  }

  @Test
  void aReviewersCommandEvaluatesTheDeployedTables() {
    Map<String, Object> inputs = Map.of("asOf", LocalDate.of(2016, 11, 30).atStartOfDay(), "condition", "CRPS");
    identity.setAuthentication("reviewer-without-grants", List.of("reviewers"));

    // Uncached, so that this command really asks the engine.
    DecisionTables tables = new CachedDecisions(decisions, 0);
    List<Map<String, Object>> rows = engine.getCommandExecutorTxRequired()
        .execute(context -> tables.evaluate(MtusTables.PHYSICAL_MEDICINE, inputs));

    assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("maxVisits", 26));
    // Without the privileged call the same command is refused: the test above can fail.
    assertThatThrownBy(() -> engine.getCommandExecutorTxRequired()
        .execute(context -> decisions.evaluateDecisionTableByKey(MtusTables.PHYSICAL_MEDICINE, inputs)))
        .isInstanceOf(AuthorizationException.class);
  }
}
