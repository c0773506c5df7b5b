package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Start-up (API.md §9): the packaged jar, as {@code java -jar} starts it, to /actuator/health UP
 * on a fresh in-memory H2. The embedded run loads its demo data (users, panel and sample cases at
 * every step) before it answers UP, so that counts.
 */
@Order(3)
class StartupBenchmark {

  @Test
  void packagedJarToHealthy() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/imrflow-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).as("the packaged jar (run mvn -Pbench verify: the benchmark runs after package)").exists();
    int runs = BenchResults.QUICK ? 1 : 3;
    List<Double> seconds = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      seconds.add(startOnce(jar, run));
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.println("start-up seconds: " + Arrays.toString(sorted));
    BenchResults.put(Map.of("startupSeconds", BenchResults.round(sorted[sorted.length / 2]),
        "startupSecondsAll", seconds));
    BenchResults.print();
  }

  private static double startOnce(Path jar, int run) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(BenchResults.DIR);
    Path log = BenchResults.DIR.resolve("startup-" + run + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(),
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:mem:startup-" + run + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" + BenchApp.H2_SETTINGS)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      long deadline = start + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the jar exited with " + process.exitValue() + ": see " + log);
        }
        try {
          HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("start-up %d: %.2f s%n", run + 1, seconds);
            return seconds;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("not healthy within 120 s: see " + log);
    } finally {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
