package org.imrflow.process;

import java.util.List;
import java.util.Map;

/**
 * The one way code evaluates a decision table of {@code processes/}: by its key, answering every
 * matched rule's outputs (output name to value) in the table's order. In the application it is
 * {@link CachedDecisions} (the engine's deployed, versioned tables, without the acting user's
 * authorization checks); unit tests use a standalone DMN engine on the same files.
 */
public interface DecisionTables {

  List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs);
}
