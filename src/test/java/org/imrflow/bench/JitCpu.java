package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU this JVM's JIT compiler threads have used so far, read from /proc/self/task (threads named
 * "C1 CompilerThre..." and "C2 CompilerThre..."; on 2 cores one of each, which the JVM never stops).
 * Unlike the compiling time the JVM reports (elapsed time of each compilation, waits for a core
 * included), this is what the JIT takes from the cases: on 2 cores shared with 8 driving threads a
 * compilation waits most of its elapsed time.
 */
final class JitCpu {

  private JitCpu() {
  }

  /** Seconds so far, or NaN where /proc cannot be read (not Linux). */
  static double seconds() {
    long ticks = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path thread : threads) {
        ProcStat stat = ProcStat.read(thread.resolve("stat"));
        if (stat != null && (stat.name().startsWith("C1 CompilerThre") || stat.name().startsWith("C2 CompilerThre"))) {
          ticks += stat.ownTicks();
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Double.NaN;
    }
    return ticks / ProcStat.TICKS_PER_SECOND;
  }
}
