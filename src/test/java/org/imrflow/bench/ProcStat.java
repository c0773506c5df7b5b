package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One line of /proc's {@code stat} for a process or a thread (proc(5)): its name and CPU times in
 * clock ticks. The benchmarks read the PostgreSQL server's CPU and the JIT's from it.
 *
 * @param ownTicks user and system time of the process or thread itself
 * @param reapedTicks user and system time of the children it has waited for (0 for a thread's line)
 */
record ProcStat(String name, long ownTicks, long reapedTicks) {

  /** Clock ticks a second of /proc's times (USER_HZ): 100 on Linux unless getconf says otherwise. */
  static final double TICKS_PER_SECOND = ticksPerSecond();

  /** The stat file's line, or null when the process or thread has gone meanwhile. */
  static ProcStat read(Path statFile) {
    String stat;
    try {
      stat = Files.readString(statFile);
    } catch (IOException gone) {
      return null;
    }
    // The name is in parentheses and may itself hold spaces and parentheses.
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    // After the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt,
    // utime, stime, cutime, cstime.
    String[] fields = stat.substring(close + 2).split(" ");
    return new ProcStat(stat.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
        Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
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
