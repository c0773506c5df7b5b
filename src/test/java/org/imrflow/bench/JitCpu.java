package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU this JVM's JIT compiler threads have used so far, read from /proc/self/task (threads named
 * "C1 CompilerThre..." and "C2 CompilerThre..."). Unlike the compiling time the JVM reports (elapsed
 * time of each compilation, waits for a core included), this is what the JIT takes from the cases:
 * on 2 cores shared with 8 driving threads a compilation waits most of its elapsed time.
 */
final class JitCpu {

  private JitCpu() {
  }

  /** Seconds so far, or NaN where /proc cannot be read (not Linux). */
  static double seconds() {
    long ticks = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path thread : threads) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).matches("C[12] CompilerThre.*")) {
          continue;
        }
        // After the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt,
        // utime, stime (proc(5)).
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      }
    } catch (IOException | RuntimeException unreadable) {
      return Double.NaN;
    }
    return ticks / PostgresServerCpu.TICKS;
  }
}
