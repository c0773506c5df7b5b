package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListenPortsTest {

  @Test
  void aPortBelowTheEphemeralRangeThatCanBeListenedOn() throws Exception {
    int port = ListenPorts.free();
    assertThat(port).isBetween(10_000, 60_999);
    try (ServerSocket ephemeral = new ServerSocket(0)) {
      assertThat(port).as("below the port the kernel hands out").isLessThan(ephemeral.getLocalPort());
    }
    try (ServerSocket listening = new ServerSocket(port)) {
      assertThat(listening.getLocalPort()).isEqualTo(port);
    }
  }
}
