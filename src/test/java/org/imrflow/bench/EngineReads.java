package org.imrflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Which step of a case makes the engine read what (the benchmark's {@code full-case-engine-reads.txt}):
 * while counting, every select the engine issues through MyBatis is counted by its statement and the
 * frames of the stack that say why - the engine's command, behaviour, listener or expression, and
 * IMRflow's code. The statement counts say how many reads a case makes; this says which of them a
 * change of ours could avoid (session 11: most are the engine's own, see the README).
 */
final class EngineReads extends AbstractProcessEnginePlugin {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile boolean counting;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Counter());
  }

  void start() {
    counts.clear();
    counting = true;
  }

  /** Stops counting and writes the reads per case, most frequent first. */
  void stop(int cases, Path file) throws IOException {
    counting = false;
    StringBuilder out = new StringBuilder("engine reads per case and why, most frequent first (" + cases
        + " cases counted)\n");
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> out.append(String.format("%7.1f  %s%n", e.getValue().sum() / (double) cases, e.getKey())));
    Files.writeString(file, out);
  }

  private static String why(MappedStatement statement) {
    String id = statement.getId();
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      String type = frame.getClassName();
      String simple = type.substring(type.lastIndexOf('.') + 1);
      boolean ours = type.startsWith("org.imrflow.") && !type.startsWith("org.imrflow.bench.");
      if (ours || simple.endsWith("Cmd") || simple.endsWith("Behavior") || simple.endsWith("JobHandler")
          || simple.endsWith("ListenerInvocation") || simple.equals("JuelExpression")) {
        String step = simple + "." + frame.getMethodName();
        if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(step)) {
          frames.add(step);
        }
        if (frames.size() == 4) {
          break;
        }
      }
    }
    return id.substring(id.lastIndexOf('.') + 1) + "  <-  " + String.join(" < ", frames);
  }

  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  private final class Counter implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      // A command begun while counting may end after it stopped: not counted then.
      if (counting) {
        counts.computeIfAbsent(why((MappedStatement) invocation.getArgs()[0]), k -> new LongAdder()).increment();
      }
      return invocation.proceed();
    }

    /**
     * MyBatis asks for every executor, one per engine command: wrapped only while counting, so that the
     * benchmark's timed rounds run without a proxy in front of each session's statements.
     */
    @Override
    public Object plugin(Object target) {
      return counting ? Plugin.wrap(target, this) : target;
    }

    @Override
    public void setProperties(Properties properties) {
    }
  }
}
