package org.imrflow.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One entity's table, read and written with plain SQL: what the repositories of the features build
 * on. In a transaction, what it reads or saves is kept in the transaction's {@link UnitOfWork}, so
 * changes to an entity are written without a save, once, before the next query or the commit.
 * Outside a transaction each call stands alone. A save writes new rows at once (in the order of
 * the calls, as foreign keys need), an entity with a {@link Version} only over the count it was
 * read with. The repositories built on it are plain components, not {@code @Repository}: JdbcTemplate
 * already turns SQL errors into Spring's exceptions, and the stereotype would put a proxy in front of
 * every call to translate them again.
 */
public class EntityTable<T, ID> {

  private final JdbcTemplate jdbc;
  private final EntityMapping<T> mapping;
  private final RowMapper<T> rows;
  private final String selectById;
  private final String existsById;
  private final String insert;
  private final String update;

  public EntityTable(JdbcTemplate jdbc, Class<T> type, String table) {
    this.jdbc = jdbc;
    this.mapping = new EntityMapping<>(type, table);
    this.rows = (rs, n) -> mapping.read(rs);
    String id = mapping.idColumn();
    this.selectById = "select * from " + table + " where " + id + " = ?";
    this.existsById = "select 1 from " + table + " where " + id + " = ?";
    List<String> inserted = new ArrayList<>(mapping.columns);
    if (mapping.idGenerated) {
      inserted.remove(mapping.idIndex);
    }
    this.insert = "insert into " + table + " (" + String.join(", ", inserted) + ") values ("
        + inserted.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    this.update = "update " + table + " set "
        + mapping.columns.stream().filter(c -> !c.equals(id)).map(c -> c + " = ?").collect(Collectors.joining(", "))
        + " where " + id + " = ?"
        + (mapping.versionIndex < 0 ? "" : " and " + mapping.columns.get(mapping.versionIndex) + " = ?");
  }

  public Optional<T> findById(ID id) {
    UnitOfWork unit = UnitOfWork.current();
    T managed = managed(unit, id);
    if (managed != null) {
      return Optional.of(managed);
    }
    return jdbc.query(selectById, rows, id).stream().findFirst().map(found -> track(unit, found));
  }

  public boolean existsById(ID id) {
    return managed(UnitOfWork.current(), id) != null || !jdbc.queryForList(existsById, id).isEmpty();
  }

  /** Entities by a query that selects this table's columns ({@code select t.* from ...}). */
  public List<T> query(String sql, Object... args) {
    UnitOfWork unit = flushed();
    List<T> found = jdbc.query(sql, rows, args);
    found.replaceAll(entity -> track(unit, entity));
    return found;
  }

  public Optional<T> queryOne(String sql, Object... args) {
    return query(sql, args).stream().findFirst();
  }

  /** A count, or any single number, by a query. */
  public long count(String sql, Object... args) {
    flushed();
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }

  public long count() {
    return count("select count(*) from " + mapping.table);
  }

  public boolean exists(String sql, Object... args) {
    flushed();
    return !jdbc.queryForList(sql, args).isEmpty();
  }

  /** Deletes rows by a statement; {@code deleted} tells which read entities those rows were. */
  public void delete(String sql, Predicate<T> deleted, Object... args) {
    UnitOfWork unit = flushed();
    jdbc.update(sql, args);
    if (unit != null) {
      unit.evict(this, entity -> deleted.test(mapping.type().cast(entity)));
    }
  }

  /**
   * Writes a new entity at once, or an entity read before, changed, in this transaction or
   * another. Returns the instance this transaction holds for that row.
   */
  public T save(T entity) {
    UnitOfWork unit = UnitOfWork.current();
    @SuppressWarnings("unchecked")
    ID id = (ID) mapping.id(entity);
    T managed = id == null ? null : managed(unit, id);
    if (managed != null) {
      if (managed != entity) {
        mapping.copy(entity, managed);
      }
      return managed;
    }
    if (id == null || !existsById(id)) {
      return insert(entity);
    }
    update(entity);
    if (unit != null) {
      unit.track(this, id, entity, mapping.values(entity));
    }
    return entity;
  }

  /**
   * Writes a new row at once, without asking first whether its key exists as {@link #save} does: for
   * a key just drawn (a sequence's next number, a UUID). The transaction then holds the entity.
   */
  public T insert(T entity) {
    if (mapping.id(entity) == null && !mapping.idGenerated) {
      throw new IllegalArgumentException("A new row of " + mapping.table + " needs its key");
    }
    insertRow(entity);
    UnitOfWork unit = UnitOfWork.current();
    if (unit != null) {
      unit.track(this, mapping.id(entity), entity, mapping.values(entity));
    }
    return entity;
  }

  public T saveAndFlush(T entity) {
    T saved = save(entity);
    flush();
    return saved;
  }

  public void flush() {
    flushed();
  }

  /** This transaction's unit of work, its changes written first (not in a read-only one, which writes nothing). */
  private UnitOfWork flushed() {
    UnitOfWork unit = UnitOfWork.current();
    if (unit != null && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      unit.flush();
    }
    return unit;
  }

  private void insertRow(T entity) {
    Object[] values = mapping.values(entity);
    if (!mapping.idGenerated) {
      jdbc.update(insert, statement -> bindAll(statement, values, -1));
      return;
    }
    KeyHolder key = new GeneratedKeyHolder();
    String id = mapping.idColumn();
    jdbc.update(connection -> {
      PreparedStatement statement = connection.prepareStatement(insert, new String[] {id});
      bindAll(statement, values, mapping.idIndex);
      return statement;
    }, key);
    mapping.setId(entity, key.getKey());
  }

  /**
   * Writes every column of an entity read before; returns the values written. With a version: only
   * over the count it was read with, which it then counts up.
   */
  Object[] update(Object changed) {
    T entity = mapping.type().cast(changed);
    Object[] values = mapping.values(entity);
    int version = mapping.versionIndex;
    Integer readWith = version < 0 ? null : (Integer) values[version];
    if (version >= 0) {
      values[version] = readWith + 1;
    }
    int rows = jdbc.update(update, statement -> {
      int position = bindAll(statement, values, mapping.idIndex);
      EntityMapping.bind(statement, position++, mapping.id(entity), mapping.fields.get(mapping.idIndex).getType());
      if (readWith != null) {
        statement.setInt(position, readWith);
      }
    });
    if (readWith != null) {
      if (rows == 0) {
        throw new OptimisticLockingFailureException(
            mapping.table + " " + mapping.id(entity) + " was changed by another transaction");
      }
      mapping.set(entity, version, values[version]);
    }
    return values;
  }

  Object[] valuesOf(Object entity) {
    return mapping.values(mapping.type().cast(entity));
  }

  /** Binds the values in column order, without the one at {@code skip}; returns the next position. */
  private int bindAll(PreparedStatement statement, Object[] values, int skip) throws SQLException {
    int position = 1;
    for (int i = 0; i < values.length; i++) {
      if (i != skip) {
        EntityMapping.bind(statement, position++, values[i], mapping.fields.get(i).getType());
      }
    }
    return position;
  }

  /** The instance this transaction holds for the row, if any. */
  @SuppressWarnings("unchecked")
  private T managed(UnitOfWork unit, Object id) {
    return unit == null ? null : (T) unit.find(this, id);
  }

  private T track(UnitOfWork unit, T read) {
    Object id = mapping.id(read);
    T managed = managed(unit, id);
    if (managed != null) {
      return managed;
    }
    if (unit != null) {
      unit.track(this, id, read, mapping.values(read));
    }
    return read;
  }
}
