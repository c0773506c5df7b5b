package org.imrflow.process;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rows a decision table answers for given inputs, remembered for a short while. The tables
 * that code asks (deadlines, reviewer specialties) have a handful of possible inputs and are asked
 * several times per case; each evaluation costs a query for the latest version plus a FEEL run,
 * about a tenth of a case's CPU. A newly deployed version is used once the entry expires.
 */
@Component
public class CachedDecisions implements DecisionTables {

  private static final int MAX_ENTRIES = 1000;

  private record Key(String decision, Map<String, Object> inputs) {
  }

  private record Entry(List<Map<String, Object>> rows, long expiresAt) {
  }

  private final DecisionService decisions;
  private final long ttlNanos;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

  public CachedDecisions(DecisionService decisions, @Value("${imrflow.decisions.cache-seconds:60}") long ttlSeconds) {
    this.decisions = decisions;
    this.ttlNanos = TimeUnit.SECONDS.toNanos(ttlSeconds);
  }

  @Override
  public List<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    Key key = new Key(decisionKey, Collections.unmodifiableMap(new HashMap<>(inputs)));
    long now = System.nanoTime();
    Entry entry = cache.get(key);
    if (entry == null || now - entry.expiresAt() > 0) {
      // IMRflow asks on its own behalf: a reviewer's command needs no right to evaluate decisions.
      List<Map<String, Object>> rows = Privileged.call(() -> decisions.evaluateDecisionTableByKey(decisionKey,
              Variables.fromMap(inputs)).getResultList()).stream()
          .map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row)))
          .toList();
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      entry = new Entry(rows, now + ttlNanos);
      cache.put(key, entry);
    }
    return entry.rows();
  }
}
