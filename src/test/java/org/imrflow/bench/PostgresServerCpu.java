package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU the PostgreSQL server has used so far on this machine (the benchmark's database runs on
 * 127.0.0.1): user and system time of every process named {@code postgres}, read from /proc, with the
 * time of children they have reaped (a backend that exits meanwhile stays counted). The JVM's own CPU
 * leaves the server's out: on PostgreSQL part of a case's cost is there.
 */
final class PostgresServerCpu {

  private PostgresServerCpu() {
  }

  /** Seconds so far, or NaN when no PostgreSQL process can be read here (another machine, no /proc). */
  static double seconds() {
    long ticks = 0;
    boolean found = false;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
        p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path process : processes) {
        ProcStat stat = ProcStat.read(process.resolve("stat"));
        if (stat != null && stat.name().equals("postgres")) {
          ticks += stat.ownTicks() + stat.reapedTicks();
          found = true;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Double.NaN;
    }
    return found ? ticks / ProcStat.TICKS_PER_SECOND : Double.NaN;
  }
}
