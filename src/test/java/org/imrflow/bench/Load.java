package org.imrflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
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
   * @param compilingMillis the JIT's compiling time meanwhile (elapsed, summed over the compiler threads;
   *     0 where the JVM does not measure it): as long as the run itself, the code was still being compiled
   */
  record Outcome(int cases, double seconds, long[] sortedNanos, double cpuSeconds, double serverCpuSeconds,
      long compilingMillis) {
    double perSecond() {
      return cases / seconds;
    }
  }

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private Load() {
  }

  static Outcome run(int threads, int cases, int firstNumber, IntFunction<?> oneCase) throws Exception {
    return run(threads, cases, firstNumber, oneCase, () -> 0);
  }

  /** @param serverCpu the database server's CPU seconds so far (PostgresServerCpu), read before and after */
  static Outcome run(int threads, int cases, int firstNumber, IntFunction<?> oneCase, DoubleSupplier serverCpu)
      throws Exception {
    double serverStart = serverCpu.getAsDouble();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long[] nanos = new long[cases];
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    long cpuStart = OS.getProcessCpuTime();
    long compilingStart = compilingMillis();
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
    long compilingMillis = compilingMillis() - compilingStart;
    Arrays.sort(nanos);
    return new Outcome(cases, seconds, nanos, cpuSeconds, serverCpuSeconds, compilingMillis);
  }

  private static long compilingMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
  }
}
