package org.imrflow.guidelines;

import java.util.List;
import java.util.Map;

/**
 * Evaluates one decision table of {@code processes/} by its key and answers the matched rows. In the
 * application the engine's DecisionService does it (the deployed, versioned tables); unit tests use a
 * standalone DMN engine on the same files, so the checks are tested without a Spring context.
 */
interface DecisionTables {

  List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs);
}
