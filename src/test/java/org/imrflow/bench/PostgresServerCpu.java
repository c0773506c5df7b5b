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

  /** Clock ticks a second of /proc's times (USER_HZ): 100 on Linux unless getconf says otherwise. */
  static final double TICKS = ticksPerSecond();

  private PostgresServerCpu() {
  }

  /** Seconds so far, or NaN when no PostgreSQL process can be read here (another machine, no /proc). */
  static double seconds() {
    long ticks = 0;
    boolean found = false;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
        p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path process : processes) {
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
          continue;
        }
        // After the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt,
        // cmajflt, utime, stime, cutime, cstime (proc(5)).
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
            + Long.parseLong(fields[14]);
        found = true;
      }
    } catch (IOException | RuntimeException unreadable) {
      return Double.NaN;
    }
    return found ? ticks / TICKS : Double.NaN;
  }

  private static double ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
