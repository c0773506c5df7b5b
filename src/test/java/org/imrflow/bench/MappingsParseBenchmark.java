package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.imrflow.process.ChildStepXPathFactory;
import org.junit.jupiter.api.Test;

/**
 * The engine reading its SQL mappings as it starts (MyBatis, Camunda's 55 mapping files), with the JDK's
 * XPath and with {@link ChildStepXPathFactory} (issue 18, session 7). Each reading runs in a fresh JVM,
 * as at a start, alternated: {@code mappingsParseCpuMillisJdk} and {@code mappingsParseCpuMillis} are
 * the medians of the reading thread's CPU. Both readings must give the same statements, result maps
 * and SQL fragments (a digest of each is compared), or the benchmark fails.
 */
class MappingsParseBenchmark {

  @Test
  void engineMappingsReadWithElementNameSteps() throws Exception {
    int runs = BenchResults.QUICK ? 2 : 5;
    List<Double> jdk = new ArrayList<>();
    List<Double> fast = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      jdk.add(readCpuMillis(false, run));
      fast.add(readCpuMillis(true, run));
    }
    assertThat(Files.readString(digest(true))).as("the statements read with element-name steps")
        .isEqualTo(Files.readString(digest(false)));
    System.out.println("engine mappings read, CPU ms of the reading thread: JDK XPath " + jdk
        + "; element-name steps " + fast);
    BenchResults.put(Map.of("mappingsParseCpuMillisJdk", BenchResults.median(jdk), "mappingsParseCpuMillisJdkAll", jdk,
        "mappingsParseCpuMillis", BenchResults.median(fast), "mappingsParseCpuMillisAll", fast));
    BenchResults.print();
  }

  /** What a reading found, written by the child JVM: the last run of each way is compared. */
  private static Path digest(boolean fast) {
    return BenchResults.DIR.resolve("mappings-" + (fast ? "steps" : "jdk") + ".txt");
  }

  /** One reading in a fresh JVM: the CPU of its reading thread. */
  private static double readCpuMillis(boolean fast, int run) throws Exception {
    Files.createDirectories(BenchResults.DIR);
    Path out = BenchResults.DIR.resolve("mappings-parse-" + run + (fast ? "-steps" : "-jdk") + ".log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Reader.class.getName(), Boolean.toString(fast), digest(fast).toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(child.waitFor()).as("the reading's exit code: see " + out).isZero();
    String last = Files.readAllLines(out).stream().filter(l -> l.startsWith("cpuMillis=")).findFirst().orElseThrow();
    return Double.parseDouble(last.substring("cpuMillis=".length()));
  }

  /** The child JVM: reads the mappings as ProcessEngineConfigurationImpl does, on H2, and writes a digest. */
  public static final class Reader {

    public static void main(String[] args) throws Exception {
      if (Boolean.parseBoolean(args[0])) {
        System.setProperty(ChildStepXPathFactory.SYSTEM_PROPERTY, ChildStepXPathFactory.class.getName());
      }
      var thread = ManagementFactory.getThreadMXBean();
      long before = thread.getCurrentThreadCpuTime();
      Configuration configuration;
      try (InputStream in = Reader.class.getClassLoader()
          .getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
        Properties properties = new Properties();
        properties.put("prefix", "");
        ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, "", "h2");
        configuration = new XMLConfigBuilder(new InputStreamReader(in, StandardCharsets.UTF_8), "", properties).parse();
      }
      long cpu = thread.getCurrentThreadCpuTime() - before;
      List<String> lines = new ArrayList<>();
      for (String name : new TreeSet<>(configuration.getMappedStatementNames())) {
        MappedStatement statement = configuration.getMappedStatement(name);
        lines.add(name + " " + statement.getSqlCommandType() + " " + statement.getKeyGenerator().getClass().getSimpleName()
            + " " + statement.getResultMaps().size() + " " + (statement.getSqlSource() instanceof DynamicSqlSource
                ? "dynamic" : statement.getBoundSql(null).getSql()));
      }
      // Short names are ambiguous across mapping files: the namespaced ones hold every entry.
      configuration.getResultMapNames().stream().filter(n -> n.contains(".")).sorted().forEach(n -> lines.add(
          "resultMap " + n + " " + configuration.getResultMap(n).getType() + " "
              + configuration.getResultMap(n).getMappedColumns()));
      configuration.getSqlFragments().keySet().stream().filter(n -> n.contains(".")).sorted().forEach(n -> lines.add(
          "sql " + n + " " + configuration.getSqlFragments().get(n).getNode().getTextContent().replaceAll("\\s+", " ")));
      Files.write(Path.of(args[1]), lines);
      System.out.println("statements=" + configuration.getMappedStatementNames().size());
      System.out.println("cpuMillis=" + cpu / 1e6);
    }
  }
}
