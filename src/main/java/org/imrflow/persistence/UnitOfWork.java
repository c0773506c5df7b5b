package org.imrflow.persistence;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entities one transaction has read or saved, each once (a second read returns the same
 * instance), with the values it had then. A changed entity is written before the next query and
 * before the transaction commits, as JPA's persistence context did: a delegate may change a case
 * and leave the writing to its transaction.
 */
final class UnitOfWork implements TransactionSynchronization {

  private record Key(EntityTable<?, ?> table, Object id) {
  }

  private static final class Managed {
    final Object entity;
    Object[] values;

    Managed(Object entity, Object[] values) {
      this.entity = entity;
      this.values = values;
    }
  }

  private final Map<Key, Managed> entities = new LinkedHashMap<>();
  private final Map<Object, Map<?, ?>> reads = new HashMap<>();

  /** This transaction's, begun on first use; null outside a transaction (every call then stands alone). */
  static UnitOfWork current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    UnitOfWork unit = (UnitOfWork) TransactionSynchronizationManager.getResource(UnitOfWork.class);
    if (unit == null) {
      unit = new UnitOfWork();
      TransactionSynchronizationManager.bindResource(UnitOfWork.class, unit);
      TransactionSynchronizationManager.registerSynchronization(unit);
    }
    return unit;
  }

  Object find(EntityTable<?, ?> table, Object id) {
    Managed managed = entities.get(new Key(table, id));
    return managed == null ? null : managed.entity;
  }

  void track(EntityTable<?, ?> table, Object id, Object entity, Object[] values) {
    entities.put(new Key(table, id), new Managed(entity, values));
  }

  /** What an owner keeps of its reads in this transaction (TransactionReads). */
  @SuppressWarnings("unchecked")
  <K, V> Map<K, V> reads(Object owner) {
    return (Map<K, V>) reads.computeIfAbsent(owner, o -> new HashMap<>());
  }

  void evict(EntityTable<?, ?> table, Predicate<Object> which) {
    entities.entrySet().removeIf(e -> e.getKey().table() == table && which.test(e.getValue().entity));
  }

  /** Writes every entity changed since it was read or last written. */
  @Override
  public void flush() {
    entities.forEach((key, managed) -> {
      if (!Arrays.equals(key.table().valuesOf(managed.entity), managed.values)) {
        managed.values = key.table().update(managed.entity);
      }
    });
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    if (!readOnly) {
      flush();
    }
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(UnitOfWork.class);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(UnitOfWork.class, this);
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(UnitOfWork.class);
    entities.clear();
    reads.clear();
  }
}
