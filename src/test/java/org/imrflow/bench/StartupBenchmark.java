package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imrflow.ListenPorts;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Start-up (API.md §9): the packaged jar to /actuator/health UP on a fresh in-memory H2. The embedded
 * run loads its demo data (users, panel and sample cases at every step) before it answers UP, so that
 * counts. Two ways to start it, each measured: {@code java -jar} on the fat jar as built
 * ({@code startupSecondsFatJar}), and the way the README says to run it (issue 18): the same jar
 * extracted by Spring Boot's own tools ({@code -Djarmode=tools extract}) and started with a class data
 * sharing archive made by a training run of that jar ({@code -XX:ArchiveClassesAtExit}, started to
 * healthy and stopped), which is {@code startupSeconds}. The training run is not timed.
 */
@Order(3)
class StartupBenchmark {

  @Test
  void packagedJarToHealthy() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/imrflow-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).as("the packaged jar (run mvn -Pbench verify: the benchmark runs after package)").exists();
    int runs = BenchResults.QUICK ? 1 : 3;
    Path extracted = BenchResults.DIR.resolve("startup-app");
    Path archive = extracted.resolve("imrflow.jsa");
    Path app = prepareCds(jar, extracted, archive);
    List<Double> fatJar = new ArrayList<>();
    List<Double> cds = new ArrayList<>();
    List<Double> cdsCpu = new ArrayList<>();
    // Alternated, so that what else the machine does weighs on both alike.
    for (int run = 0; run < runs; run++) {
      fatJar.add(startOnce(List.of("-jar", jar.toString()), "fat-" + run).seconds());
      Start start = startOnce(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
          "-jar", app.toString()), "cds-" + run);
      cds.add(start.seconds());
      cdsCpu.add(start.cpuSeconds());
    }
    System.out.println("start-up seconds, fat jar: " + fatJar + "; extracted with CDS: " + cds + " (CPU " + cdsCpu + ")");
    // Bound by CPU on 2 cores: its CPU tells more work from waiting for cores something else used.
    BenchResults.put(Map.of("startupSeconds", BenchResults.median(cds), "startupSecondsAll", cds,
        "startupCpuSeconds", BenchResults.median(cdsCpu), "startupCpuSecondsAll", cdsCpu,
        "startupSecondsFatJar", BenchResults.median(fatJar), "startupSecondsFatJarAll", fatJar,
        "startupLoadAverage", CaseCostBenchmark.loadAverage()));
    BenchResults.print();
  }

  /** The README's production start: extract the jar, train once to record the classes it loads. */
  private static Path prepareCds(Path jar, Path extracted, Path archive) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    if (Files.exists(extracted)) {
      try (var files = Files.walk(extracted)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(BenchResults.DIR);
    run(List.of(javaBin, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()),
        "startup-extract.log");
    Path app = extracted.resolve(jar.getFileName());
    assertThat(app).exists();
    // The training run goes as far as a real start (healthy, demo data loaded) and is then stopped: the
    // archive holds the classes of the engine's deployment, the web apps and the demo cases too, which
    // a run stopped at the context's refresh (-Dspring.context.exit=onRefresh) never loads.
    startOnce(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", app.toString()), "training");
    assertThat(archive).as("the CDS archive of the training run").exists();
    return app;
  }

  private static void run(List<String> command, String logName) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(BenchResults.DIR.resolve(logName).toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish: see " + logName);
    }
    assertThat(p.exitValue()).as(command + ": see target/bench/" + logName).isZero();
  }

  /** Wall time to healthy, and the CPU the started JVM used until then (all its threads, the JIT's too). */
  private record Start(double seconds, double cpuSeconds) {
  }

  private static Start startOnce(List<String> launch, String run) throws Exception {
    int port = ListenPorts.free();
    Files.createDirectories(BenchResults.DIR);
    Path log = BenchResults.DIR.resolve("startup-" + run + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch);
    command.add("--server.port=" + port);
    command.add(
        "--spring.datasource.url=jdbc:h2:mem:startup-" + run + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" + BenchApp.H2_SETTINGS);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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
            double cpu = process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(Double.NaN);
            System.out.printf("start-up %s: %.2f s (CPU %.1f s)%n", run, seconds, cpu);
            return new Start(seconds, cpu);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("not healthy within 120 s: see " + log);
    } finally {
      process.destroy();
      // A training run writes its archive as it exits (a few seconds).
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
