package org.imrflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.imrflow.ImrflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * IMRflow started inside the benchmark JVM, the way the embedded run starts (demo users and panel,
 * embedded GreenMail), on a database of the benchmark's own. The job executor is off: the
 * benchmark's driving threads run each case's due jobs themselves, so every job is measured.
 */
final class BenchApp {

  static final String PG_ADMIN_URL = System.getProperty("postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String PG_USER = System.getProperty("postgres.user", "postgres");
  static final String PG_PASSWORD = System.getProperty("postgres.password", "");

  /** The H2 settings of the embedded run's URL (application.yml) beyond the locks. */
  static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256";

  private BenchApp() {
  }

  static ConfigurableApplicationContext h2(String name) {
    return start(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" + H2_SETTINGS, "sa", "");
  }

  static ConfigurableApplicationContext start(String name, String url, String user, String password) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", url);
    p.put("spring.datasource.username", user);
    p.put("spring.datasource.password", password);
    // Room for every driving thread's job transaction plus the letter archive's own transactions.
    p.put("spring.datasource.hikari.maximum-pool-size", 32);
    p.put("camunda.bpm.job-execution.enabled", false);
    // The driving threads run the jobs instead: the letter archive keeps one connection per job
    // thread (letters.ArchiveConnections), so it gets one per driving thread, as a node gets one per
    // job executor thread.
    p.put("camunda.bpm.job-execution.max-pool-size", CaseCostBenchmark.THREADS);
    // No scanned pages here: without the OCR's turns (a query every few seconds) the statements
    // counted are the cases' alone.
    p.put("imrflow.documents.ocr-command", "-");
    p.put("imrflow.demo.enabled", true);
    p.put("imrflow.demo.cases", false);
    // Upheld cases of the seasoned demo panel outside the random sample: no quality review, as before it existed.
    p.put("imrflow.quality.fixed-sample-draw", 99);
    p.put("server.port", 0);
    p.put("logging.file.name", BenchResults.DIR.resolve(name + ".log").toString());
    p.put("logging.threshold.console", "warn");
    p.put("spring.main.banner-mode", "off");
    // As command-line arguments: they take precedence over application.yml (default properties would not).
    String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    // The engine collects its plugins from the context: this one counts why the engine reads (EngineReads).
    return new SpringApplicationBuilder(ImrflowApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("engineReads", new EngineReads()))
        .run(args);
  }

  /** Why PostgreSQL cannot be used, or empty when it can. */
  static Optional<String> postgresUnreachable() {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(PG_ADMIN_URL + ": " + e.getMessage());
    }
  }

  /** A fresh PostgreSQL database; its URL. */
  static String createPostgresDatabase() throws SQLException {
    String name = "imrflow_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    pgAdmin("create database " + name);
    return PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  static void dropPostgresDatabase(String url) throws SQLException {
    pgAdmin("drop database if exists " + url.substring(url.lastIndexOf('/') + 1) + " with (force)");
  }

  private static void pgAdmin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
