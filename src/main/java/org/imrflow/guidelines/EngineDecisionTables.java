package org.imrflow.guidelines;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.imrflow.security.Privileged;
import org.springframework.stereotype.Component;

/**
 * The MTUS tables as deployed in the engine: a table edit is a new deployment, picked up here without
 * a code change. Evaluated without the acting user's authorizations: a reviewer completing a task
 * must not need the right to evaluate decisions for the check that runs after it.
 */
@Component
class EngineDecisionTables implements DecisionTables {

  private final DecisionService decisions;

  EngineDecisionTables(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    return Privileged.call(() -> decisions.evaluateDecisionTableByKey(decisionKey, inputs).getResultList());
  }
}
