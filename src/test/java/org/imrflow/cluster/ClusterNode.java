package org.imrflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imrflow.ListenPorts;

/**
 * One IMRflow node: the packaged jar in a JVM of its own, profile {@code prod}, its output appended
 * to {@code target/cluster-node-N.log}. It can be killed like a crashed machine (SIGKILL: no
 * shutdown hook, no rollback, job locks left behind) and started again on the same port.
 *
 * <p>Its port comes from {@link ListenPorts}, below the range of outgoing connections' ports;
 * should another program listen on it all the same, the node is started again on another port.
 */
final class ClusterNode {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** Starts on a fresh port when the last one turned out taken. */
  private static final int PORT_TRIES = 3;

  private final int number;
  private int port;
  private int portsTried;
  private final Path jar;
  private final Path log;
  private final List<String> arguments;
  private Process process;
  private long logStart;

  ClusterNode(int number, Path jar, Path log, List<String> arguments) {
    this.number = number;
    this.port = ListenPorts.free();
    this.portsTried = 1;
    this.jar = jar;
    this.log = log;
    this.arguments = List.copyOf(arguments);
  }

  int number() {
    return number;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  void start() {
    portsTried = 1;
    startAgain();
  }

  private void startAgain() {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Two nodes and the test share two cores: a small heap and the quick compiler start fastest.
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar.toString(),
        "--server.port=" + port));
    command.addAll(arguments);
    try {
      logStart = Files.exists(log) ? Files.size(log) : 0;
      appendToLog("\n=== node " + number + " starting on port " + port + " ===");
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spring Boot's failure analysis when the web server cannot bind its port. */
  private boolean portTakenAtStart() {
    return logSinceStart().contains("Port " + port + " was already in use");
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code /actuator/health} to answer UP; fails at once if the JVM exits. */
  void awaitHealthy(Duration timeout) throws InterruptedException {
    awaitHealth("UP", timeout);
  }

  /** Waits for {@code /actuator/health} to answer at all, with this status. */
  void awaitHealth(String status, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!alive() && portTakenAtStart() && portsTried < PORT_TRIES) {
        int taken = port;
        port = ListenPorts.free();
        portsTried++;
        appendToLog("=== port " + taken + " was taken by another program: node " + number + " starts again ===");
        startAgain();
        continue;
      }
      if (!alive()) {
        throw new AssertionError("node " + number + " exited with " + process.exitValue() + " before its health was "
            + status + ": see " + log + "\n" + tail());
      }
      if (status.equals(health())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("node " + number + " not " + status + " within " + timeout + ": see " + log + "\n" + tail());
  }

  /** What {@code /actuator/health} says now ("UP", "DOWN"), or null while the node does not listen. */
  String health() throws InterruptedException {
    try {
      HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return health.body().contains("\"UP\"") ? "UP" : health.body().contains("\"DOWN\"") ? "DOWN" : null;
    } catch (IOException notListening) {
      return null;
    }
  }

  /** Waits for the JVM to end by itself; answers its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("node " + number + " still running after " + timeout + ": see " + log);
    }
    return process.exitValue();
  }

  /** A crash: SIGKILL, as {@code kill -9} would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** An orderly stop (SIGTERM), falling back to a kill. */
  void stop() throws InterruptedException {
    if (!alive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** What the node wrote since its last start. */
  String logSinceStart() {
    try {
      byte[] all = Files.readAllBytes(log);
      return new String(all, (int) Math.min(logStart, all.length), all.length - (int) Math.min(logStart, all.length),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
