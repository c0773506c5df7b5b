package org.imrflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for an application the tests start in a JVM of its own ({@code --server.port}). They lie
 * below the machine's ephemeral range: a port the kernel handed out for a moment
 * ({@code new ServerSocket(0)}) is the kind it hands next to any outgoing connection (the tests'
 * JDBC, HTTP and SMTP clients), and CI once saw a cluster node refuse to start because one took it
 * between the choice and the start.
 */
public final class ListenPorts {

  private static final int LOWEST = 10_000;
  private static final int LINUX_DEFAULT_EPHEMERAL_START = 32_768;

  private ListenPorts() {
  }

  /** A port free now, chosen at random below the ephemeral range, where no outgoing connection lands. */
  public static int free() {
    int below = ephemeralRangeStart();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 100; attempt++) {
      int candidate = random.nextInt(LOWEST, below);
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // another program listens there: try the next
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
  }

  /** Linux's first ephemeral port; its default where the setting cannot be read. */
  private static int ephemeralRangeStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int start = Integer.parseInt(range.split("\\s+")[0]);
      return start > LOWEST + 1_000 ? start : LINUX_DEFAULT_EPHEMERAL_START;
    } catch (IOException | RuntimeException notLinux) {
      return LINUX_DEFAULT_EPHEMERAL_START;
    }
  }
}
