package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording (settings "profile") of the full case's hot path, read back into where the CPU
 * samples fall: by library (the innermost frame that belongs to a known one), by IMRflow method
 * (inclusive) and by method (self); the caller names the file (target/bench/full-case.md and
 * full-case-postgres.md beside their recordings).
 *
 * <p>The benchmark JVM starts JFR with no events (pom.xml, bench/idle.jfc): the first recording
 * started in a running JVM deoptimizes all its compiled code (JDK 17; -XX:+PrintCompilation showed
 * about 19,000 methods made not entrant at once), and the profile would sample the JIT compiling
 * the hot path again (a full case's driving thread took 222 ms of CPU while profiled, against 31 ms
 * in the rounds before, session 19).
 */
final class Profile {

  /** Library of a frame, by package prefix; checked innermost frame first. */
  private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

  static {
    LIBRARIES.put("org.apache.pdfbox", "PDF rendering (pdfbox)");
    LIBRARIES.put("org.apache.fontbox", "PDF rendering (fontbox)");
    LIBRARIES.put("org.thymeleaf", "Letter text (Thymeleaf)");
    LIBRARIES.put("com.icegreen.greenmail", "SMTP server (GreenMail)");
    LIBRARIES.put("jakarta.mail", "SMTP client (Jakarta Mail)");
    LIBRARIES.put("org.eclipse.angus", "SMTP client (Jakarta Mail)");
    LIBRARIES.put("com.sun.mail", "SMTP client (Jakarta Mail)");
    LIBRARIES.put("org.springframework.mail", "SMTP client (Jakarta Mail)");
    LIBRARIES.put("org.h2", "H2 database");
    LIBRARIES.put("org.postgresql", "PostgreSQL driver");
    LIBRARIES.put("com.zaxxer.hikari", "Connection pool");
    LIBRARIES.put("org.camunda.bpm.dmn", "DMN engine");
    LIBRARIES.put("org.camunda.feel", "DMN engine");
    LIBRARIES.put("org.camunda.bpm.engine.impl.dmn", "DMN engine");
    LIBRARIES.put("org.apache.ibatis", "Engine SQL mapping (MyBatis)");
    LIBRARIES.put("org.camunda.bpm.engine.impl.db", "Engine persistence");
    LIBRARIES.put("org.camunda.bpm.engine.impl.history", "Engine history");
    LIBRARIES.put("org.camunda.bpm.engine.impl.persistence", "Engine persistence");
    LIBRARIES.put("org.camunda.spin", "Engine JSON variables (Spin)");
    LIBRARIES.put("org.camunda.bpm.engine.impl.el", "Engine expressions (JUEL)");
    LIBRARIES.put("org.camunda.bpm.impl.juel", "Engine expressions (JUEL)");
    LIBRARIES.put("org.camunda.bpm.engine.spring", "Spring around the engine (transactions, events)");
    LIBRARIES.put("org.camunda.bpm.spring", "Spring around the engine (transactions, events)");
    LIBRARIES.put("org.camunda", "Engine (other)");
    LIBRARIES.put("com.fasterxml.jackson", "JSON (Jackson)");
    LIBRARIES.put("org.springframework.jdbc", "Spring JDBC");
    LIBRARIES.put("org.springframework.transaction", "Spring transactions");
    LIBRARIES.put("ch.qos.logback", "Logging");
    LIBRARIES.put("org.slf4j", "Logging");
    LIBRARIES.put("org.hibernate.validator", "Bean Validation");
    LIBRARIES.put("org.imrflow", "IMRflow code");
    LIBRARIES.put("org.springframework", "Spring (other)");
    LIBRARIES.put("java.util.regex", "JDK regex");
    LIBRARIES.put("java.util.zip", "JDK zip (PDF streams)");
    LIBRARIES.put("java.", "JDK (other)");
    LIBRARIES.put("jdk.", "JDK (other)");
    LIBRARIES.put("sun.", "JDK (other)");
  }

  private final Recording recording;

  private Profile(Recording recording) {
    this.recording = recording;
  }

  static Profile start() throws Exception {
    Recording r = new Recording(Configuration.getConfiguration("profile"));
    r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(5));
    r.start();
    return new Profile(r);
  }

  /** Stops, dumps the recording and summarises it; the summary's text. */
  String stop(Path file, String title) throws IOException {
    recording.stop();
    recording.dump(file);
    recording.close();
    return summarise(file, title);
  }

  static String summarise(Path file, String title) throws IOException {
    Map<String, Integer> byLibrary = new HashMap<>();
    Map<String, Integer> byImrflowMethod = new HashMap<>();
    Map<String, Integer> bySelf = new HashMap<>();
    Map<String, Integer> byEngineCommand = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
      if (thread == null || !thread.startsWith("pool-")) {
        continue; // only the driving threads: the cases' own work
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      bySelf.merge(name(frames.get(0)), 1, Integer::sum);
      String library = null;
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        library = library(type);
        if (library != null && !library.startsWith("JDK (other)")) {
          break;
        }
      }
      library = library == null ? "unknown" : library;
      byLibrary.merge(library, 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        if (type.startsWith("org.imrflow") && !type.startsWith("org.imrflow.bench") && seen.add(name(frame))) {
          byImrflowMethod.merge(name(frame), 1, Integer::sum);
        }
      }
      String command = null;
      for (int i = frames.size() - 1; i >= 0; i--) {
        String type = frames.get(i).getMethod().getType().getName();
        if (type.startsWith("org.camunda.bpm.engine.impl.cmd.") && type.endsWith("Cmd")) {
          command = type.substring(type.lastIndexOf('.') + 1);
          break;
        }
      }
      byEngineCommand.merge(command == null ? "(outside engine commands)" : command, 1, Integer::sum);
    }
    StringBuilder md = new StringBuilder("### " + title + "\n\n" + samples
        + " CPU samples of the driving threads (JFR jdk.ExecutionSample every 5 ms). Recording: " + file.getFileName()
        + "\n\n");
    section(md, "Where the CPU goes, by library (innermost frame of a known library)", byLibrary, samples, 20);
    section(md, "By engine command (outermost)", byEngineCommand, samples, 12);
    section(md, "IMRflow methods, inclusive", byImrflowMethod, samples, 25);
    section(md, "Hottest methods, self", bySelf, samples, 20);
    Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".jfr", ".md")), md);
    return md.toString();
  }

  private static void section(StringBuilder md, String title, Map<String, Integer> counts, int total, int limit) {
    md.append("**").append(title).append("**\n\n| share | samples | where |\n|---:|---:|---|\n");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> md.append(String.format("| %.1f%% | %d | %s |%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getValue(), e.getKey())));
    md.append('\n');
  }

  /** The library of a class; JDK classes count only when no library frame is on the stack. */
  private static String library(String type) {
    for (Map.Entry<String, String> e : LIBRARIES.entrySet()) {
      if (type.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  static String join(List<String> parts) {
    return parts.stream().collect(Collectors.joining("\n"));
  }
}
