package org.imrflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a benchmark run, in target/bench/results.json (API.md §9 keys plus more) and as a
 * table in target/bench/results.md and on the console. Each benchmark class adds its figures to
 * what the file already holds, so the classes can run in any order or alone.
 */
final class BenchResults {

  static final Path DIR = Path.of(System.getProperty("bench.dir", "target/bench"));
  static final boolean QUICK = Boolean.getBoolean("bench.quick");

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Path JSON = DIR.resolve("results.json");
  private static final Path MARKDOWN = DIR.resolve("results.md");

  /** Key, label, unit and goal of the rows that the table shows, in its order. */
  private record Row(String key, String label, String unit, String goal) {
  }

  private static final List<Row> ROWS = List.of(
      new Row("fullCasesPerSecond", "Full imr-case runs, intake to letter mailed", "cases/s", ">= 50 (stretch 100)"),
      new Row("skeletonCasesPerSecond", "Skeleton (same user tasks, no delegates)", "cases/s", ""),
      new Row("fullToSkeletonCostRatio", "Cost of a full case / skeleton case", "x", "<= 2 (stretch 1.5)"),
      new Row("fullCaseCpuMillis", "CPU per full case (whole JVM)", "ms", ""),
      new Row("skeletonCaseCpuMillis", "CPU per skeleton case (whole JVM)", "ms", ""),
      new Row("fullToSkeletonCpuRatio", "CPU of a full case / skeleton case", "x", ""),
      new Row("fullCaseMillisP50", "Full case latency p50 (intake to letter mailed)", "ms", ""),
      new Row("fullCaseMillisP99", "Full case latency p99", "ms", ""),
      new Row("fullCaseSqlStatements", "SQL statements a full case issues (H2 count)", "", ""),
      new Row("skeletonCaseSqlStatements", "SQL statements a skeleton case issues (H2 count)", "", ""),
      new Row("openCases", "Open cases in the database", "", ""),
      new Row("openEngineInstances", "... of them real imr-case process instances", "", ""),
      new Row("slaQueryP50Millis", "GET /api/sla first page p50", "ms", ""),
      new Row("slaQueryP95Millis", "GET /api/sla first page p95", "ms", "<= 100"),
      new Row("slaQueryP99Millis", "GET /api/sla first page p99", "ms", ""),
      new Row("myTasksQueryP50Millis", "Reviewer's tasks by due date (/engine-rest) p50", "ms", ""),
      new Row("myTasksQueryP95Millis", "Reviewer's tasks by due date (/engine-rest) p95", "ms", "<= 100"),
      new Row("myTasksQueryP99Millis", "Reviewer's tasks by due date (/engine-rest) p99", "ms", ""),
      new Row("myTasksPerReviewer", "Open tasks of the measured reviewers (mean)", "", ""),
      new Row("coordinatorQueueP95Millis", "Coordinators' group tasks by due date, first 15 (/engine-rest) p95", "ms", ""),
      new Row("caseQueryP50Millis", "GET /api/cases/{n} p50", "ms", ""),
      new Row("caseQueryP95Millis", "GET /api/cases/{n} p95", "ms", "<= 100"),
      new Row("caseQueryP99Millis", "GET /api/cases/{n} p99", "ms", ""),
      new Row("panelSize", "Reviewers on the panel", "", ""),
      new Row("reviewerMatchP50Millis", "Reviewer candidates for a case (forCase), a panel write before each, p50", "ms", ""),
      new Row("reviewerMatchP99Millis", "Reviewer candidates for a case (forCase), a panel write before each, p99", "ms", "<= 5"),
      new Row("reviewerMatchStillPanelP99Millis", "... the same on a panel that does not change, p99", "ms", ""),
      new Row("panelWriteP50Millis", "... the panel write (an assignment through the engine or a letter's), p50", "ms", ""),
      new Row("reviewerMatchHttpP50Millis", "GET /api/cases/{n}/reviewer-candidates p50", "ms", ""),
      new Row("reviewerMatchHttpP99Millis", "GET /api/cases/{n}/reviewer-candidates p99", "ms", ""),
      new Row("panelReloadMillis", "Reload of the whole panel after a change", "ms", ""),
      new Row("documentUploadMBPerSecond", "Upload and index of a 300-page PDF (POST /documents)", "MB/s", ""),
      new Row("documentUploadPeakHeapMB", "... peak heap in use during that upload (whole JVM)", "MB", ""),
      new Row("documentListP95Millis", "Reviewer's GET /documents, 200 documents on the case, p95", "ms", ""),
      new Row("startupSeconds", "Packaged jar to /actuator/health UP (demo data included)", "s", "<= 10"),
      new Row("startupCpuSeconds", "... CPU of that start until healthy (all threads)", "s", ""),
      new Row("mappingsParseCpuMillis", "The engine's SQL mappings read at start (element-name XPath steps)", "ms", ""),
      new Row("mappingsParseCpuMillisJdk", "... the same with the JDK's XPath", "ms", ""),
      new Row("guidelineTopicsEvaluationMillis", "Guideline topics table (122 rows) for a new description, each (parsed-once FEEL)", "ms", ""),
      new Row("guidelineTopicsEvaluationMillisCamundaFeel", "... the same with Camunda's FEEL engine", "ms", ""),
      new Row("postgres.fullCasesPerSecond", "PostgreSQL: full imr-case runs", "cases/s", ""),
      new Row("postgres.skeletonCasesPerSecond", "PostgreSQL: skeleton", "cases/s", ""),
      new Row("postgres.fullToSkeletonCostRatio", "PostgreSQL: cost ratio", "x", ""),
      new Row("postgres.fullCaseCpuMillis", "PostgreSQL: CPU per full case, the JVM's", "ms", ""),
      new Row("postgres.fullCaseServerCpuMillis", "PostgreSQL: ... and the database server's", "ms", ""),
      new Row("postgres.skeletonCaseCpuMillis", "PostgreSQL: CPU per skeleton case, the JVM's", "ms", ""),
      new Row("postgres.skeletonCaseServerCpuMillis", "PostgreSQL: ... and the database server's", "ms", ""),
      new Row("postgres.fullToSkeletonCpuRatioWithServer", "PostgreSQL: CPU of a full case / skeleton case, both sides",
          "x", ""));

  private BenchResults() {
  }

  /** Adds figures to the results file and rewrites the table. */
  static synchronized void put(Map<String, ?> figures) {
    try {
      Files.createDirectories(DIR);
      ObjectNode all = Files.exists(JSON) ? (ObjectNode) MAPPER.readTree(JSON.toFile()) : MAPPER.createObjectNode();
      figures.forEach((key, value) -> all.set(key, MAPPER.valueToTree(value)));
      all.put("machine", machine());
      all.put("quick", QUICK);
      MAPPER.writeValue(JSON.toFile(), all);
      Files.writeString(MARKDOWN, table(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the table of everything measured so far. */
  static void print() {
    try {
      System.out.println();
      System.out.println(Files.readString(MARKDOWN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> figures() {
    return new LinkedHashMap<>();
  }

  private static String table(ObjectNode all) {
    StringBuilder md = new StringBuilder();
    md.append("## IMRflow benchmarks").append(all.path("quick").asBoolean() ? " (quick mode)" : "").append("\n\n");
    md.append("Machine: ").append(all.path("machine").asText("?")).append("\n\n");
    md.append("| figure | value | unit | goal |\n|---|---:|---|---|\n");
    List<String> shown = new ArrayList<>();
    for (Row row : ROWS) {
      if (all.has(row.key())) {
        md.append("| ").append(row.label()).append(" | ").append(format(all.get(row.key()).asDouble()))
            .append(" | ").append(row.unit()).append(" | ").append(row.goal()).append(" |\n");
        shown.add(row.key());
      }
    }
    md.append("\nAll keys (results.json):\n\n");
    all.fieldNames().forEachRemaining(key -> {
      if (!shown.contains(key) && !all.get(key).isContainerNode()) {
        md.append("- ").append(key).append(": ").append(all.get(key).asText()).append('\n');
      }
    });
    return md.toString();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) >= 10) {
      return String.format("%,d", (long) v);
    }
    return Math.abs(v) >= 100 ? String.format("%.0f", v) : Math.abs(v) >= 10 ? String.format("%.1f", v)
        : String.format("%.2f", v);
  }

  /** nproc, CPU model, Java: the machine a figure was measured on. */
  static String machine() {
    String cpu = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException e) {
      // not Linux: the CPU stays unnamed
    }
    return Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + ", Java "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
  }

  /** Percentile of sorted nanosecond samples, in milliseconds. */
  static double millis(long[] sortedNanos, double percentile) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
    return round(sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6);
  }

  /** The middle value (the upper one of an even count), rounded. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return round(sorted[sorted.length / 2]);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
