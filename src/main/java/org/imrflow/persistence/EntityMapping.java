package org.imrflow.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How one entity class maps to its table: every instance field is a column named as the field in
 * snake case (or as {@link Column} says). Columns hold strings, numbers, booleans, dates, instants
 * (timestamp with time zone, written in UTC) and enums (by name).
 */
final class EntityMapping<T> {

  private final Class<T> type;
  final String table;
  final List<Field> fields = new ArrayList<>();
  final List<String> columns = new ArrayList<>();
  final int idIndex;
  final boolean idGenerated;
  final int versionIndex;
  private final Constructor<T> constructor;

  EntityMapping(Class<T> type, String table) {
    this.type = type;
    this.table = table;
    int id = -1;
    int version = -1;
    boolean generated = false;
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
        continue;
      }
      field.setAccessible(true);
      Column column = field.getAnnotation(Column.class);
      if (field.isAnnotationPresent(Id.class)) {
        id = fields.size();
        generated = field.getAnnotation(Id.class).generated();
      }
      if (field.isAnnotationPresent(Version.class)) {
        version = fields.size();
      }
      fields.add(field);
      columns.add(column != null ? column.value() : snakeCase(field.getName()));
    }
    if (id < 0) {
      throw new IllegalArgumentException(type + " has no @Id field");
    }
    this.idIndex = id;
    this.idGenerated = generated;
    this.versionIndex = version;
    try {
      this.constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type + " needs a constructor without arguments", e);
    }
  }

  static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  Class<T> type() {
    return type;
  }

  String idColumn() {
    return columns.get(idIndex);
  }

  Object id(T entity) {
    return get(entity, idIndex);
  }

  void setId(T entity, Object id) {
    set(entity, idIndex, convertKey(fields.get(idIndex).getType(), id));
  }

  Object[] values(T entity) {
    Object[] values = new Object[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(entity, i);
    }
    return values;
  }

  void copy(T from, T to) {
    for (int i = 0; i < fields.size(); i++) {
      set(to, i, get(from, i));
    }
  }

  T read(ResultSet rs) throws SQLException {
    T entity;
    try {
      entity = constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < fields.size(); i++) {
      set(entity, i, readColumn(rs, columns.get(i), fields.get(i).getType()));
    }
    return entity;
  }

  Object get(T entity, int index) {
    try {
      return fields.get(index).get(entity);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  void set(T entity, int index, Object value) {
    try {
      fields.get(index).set(entity, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object readColumn(ResultSet rs, String column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    }
    if (type == LocalDate.class) {
      return rs.getObject(column, LocalDate.class);
    }
    if (type == Instant.class) {
      OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
      return at == null ? null : at.toInstant();
    }
    if (type.isEnum()) {
      String name = rs.getString(column);
      return name == null ? null : Enum.valueOf((Class<Enum>) type, name);
    }
    Object value;
    if (type == boolean.class || type == Boolean.class) {
      value = rs.getBoolean(column);
    } else if (type == int.class || type == Integer.class) {
      value = rs.getInt(column);
    } else if (type == long.class || type == Long.class) {
      value = rs.getLong(column);
    } else {
      throw new IllegalArgumentException("No column mapping for " + type);
    }
    return rs.wasNull() && !type.isPrimitive() ? null : value;
  }

  static void bind(PreparedStatement statement, int position, Object value, Class<?> type) throws SQLException {
    if (value == null) {
      statement.setNull(position, sqlType(type));
    } else if (value instanceof Instant instant) {
      statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    } else if (value instanceof Enum<?> constant) {
      statement.setString(position, constant.name());
    } else {
      statement.setObject(position, value);
    }
  }

  private static int sqlType(Class<?> type) {
    if (type == LocalDate.class) {
      return Types.DATE;
    } else if (type == Instant.class) {
      return Types.TIMESTAMP_WITH_TIMEZONE;
    } else if (type == Boolean.class) {
      return Types.BOOLEAN;
    } else if (type == Integer.class) {
      return Types.INTEGER;
    } else if (type == Long.class) {
      return Types.BIGINT;
    }
    return Types.VARCHAR;
  }

  private static Object convertKey(Class<?> type, Object key) {
    if (key instanceof Number number && (type == Long.class || type == long.class)) {
      return number.longValue();
    }
    return key;
  }
}
