package org.imrflow.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, created through the server's {@code postgres}
 * database and dropped at the end. Where the server is ({@code -Dpostgres.url}, default
 * 127.0.0.1:5432, user postgres, trust authentication as on the build machines).
 */
final class ClusterDatabase implements AutoCloseable {

  static final String ADMIN_URL = System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getProperty("postgres.user", "postgres");
  static final String PASSWORD = System.getProperty("postgres.password", "");

  private final String name;

  private ClusterDatabase(String name) {
    this.name = name;
  }

  /** Why the server cannot be used, or empty when it can. */
  static Optional<String> unreachable() {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(ADMIN_URL + " as " + USER + ": " + e.getMessage());
    }
  }

  static ClusterDatabase create() throws SQLException {
    ClusterDatabase db = new ClusterDatabase("imrflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    db.execute("create database " + db.name);
    return db;
  }

  String name() {
    return name;
  }

  String url() {
    return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  @Override
  public void close() throws SQLException {
    // FORCE: a killed node's connections may linger until the server notices the closed socket.
    execute("drop database if exists " + name + " with (force)");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
