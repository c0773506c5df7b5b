package org.imrflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/** Runs cases on a fixed number of threads and times them: the rate and each case's latency. */
final class Load {

  /**
   * @param cpuSeconds CPU time of the whole JVM meanwhile (GreenMail's threads, GC and JIT included)
   * @param serverCpuSeconds CPU time of the database server meanwhile, when it is measured (else 0)
   * @param jitCpuSeconds CPU time of the JIT's compiler threads meanwhile (part of cpuSeconds; NaN where
   *     it cannot be read): while it is more than a small part, the code was still being compiled
   */
  record Outcome(int cases, double seconds, long[] sortedNanos, double cpuSeconds, double serverCpuSeconds,
      double jitCpuSeconds) {
    double perSecond() {
      return cases / seconds;
    }
  }

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Load() {
  }

  static Outcome run(int threads, int cases, int firstNumber, IntFunction<?> oneCase) throws Exception {
    return run(threads, cases, firstNumber, oneCase, () -> 0);
  }

  /** @param serverCpu the database server's CPU seconds so far (PostgresServerCpu), read before and after */
  static Outcome run(int threads, int cases, int firstNumber, IntFunction<?> oneCase, DoubleSupplier serverCpu)
      throws Exception {
    // Read before the clock starts: reading /proc's threads is not the cases' work.
    double jitStart = JitCpu.seconds();
    double serverStart = serverCpu.getAsDouble();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long[] nanos = new long[cases];
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = OS.getProcessCpuTime();
    try {
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
            long begin = System.nanoTime();
            oneCase.apply(firstNumber + i);
            nanos[i] = System.nanoTime() - begin;
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
    double serverCpuSeconds = serverCpu.getAsDouble() - serverStart;
    double jitCpuSeconds = JitCpu.seconds() - jitStart;
    Arrays.sort(nanos);
    return new Outcome(cases, seconds, nanos, cpuSeconds, serverCpuSeconds, jitCpuSeconds);
  }
}
