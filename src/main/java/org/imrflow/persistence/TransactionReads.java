package org.imrflow.persistence;

import java.util.HashMap;
import java.util.Map;

/**
 * What a repository or service read in this transaction and keeps until it ends (a case's items, its
 * groups): a step asks for them several times, and the transaction holds the entities it read, and
 * their changes, anyway. Kept with the transaction's {@link UnitOfWork}, so a transaction suspended
 * for another one gets its own back; outside a transaction nothing is kept.
 */
public final class TransactionReads {

  private TransactionReads() {
  }

  /** The owner's map for this transaction (a fresh, unkept one outside a transaction). */
  public static <K, V> Map<K, V> of(Object owner) {
    UnitOfWork unit = UnitOfWork.current();
    return unit == null ? new HashMap<>() : unit.reads(owner);
  }
}
