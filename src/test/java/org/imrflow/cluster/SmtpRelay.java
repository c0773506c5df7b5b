package org.imrflow.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay in front of the test's SMTP server, one per node, that can freeze a node in the
 * middle of mailing: once the shared {@link Tripwire} is armed, the first relay to see a client
 * send {@code DATA} passes that command on and then swallows the message, so the node waits for
 * an answer that never comes. Killing the node then is a crash after a delivery was claimed and
 * before the mail server took it — deterministically, not by luck of timing. The server sees the
 * connection drop mid-message and keeps nothing.
 */
final class SmtpRelay implements AutoCloseable {

  /** Trips once, on the first relay whose client starts a message after {@link #arm()}. */
  static final class Tripwire {
    private final AtomicReference<SmtpRelay> tripped = new AtomicReference<>();
    private final CountDownLatch trip = new CountDownLatch(1);
    private volatile boolean armed;

    void arm() {
      armed = true;
    }

    private boolean trip(SmtpRelay relay) {
      if (armed && tripped.compareAndSet(null, relay)) {
        trip.countDown();
        return true;
      }
      return false;
    }

    /** The relay that froze a node, once one did within the timeout. */
    SmtpRelay await(Duration timeout) throws InterruptedException {
      return trip.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? tripped.get() : null;
    }
  }

  private final int node;
  private final int target;
  private final Tripwire tripwire;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** How long each reply of the server is held back: a slow mail server, so that kills land mid-letter. */
  private volatile long replyDelayMillis;

  SmtpRelay(int node, int target, Tripwire tripwire) throws IOException {
    this.node = node;
    this.target = target;
    this.tripwire = tripwire;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-relay-" + node);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void replyDelay(long millis) {
    this.replyDelayMillis = millis;
  }

  /** The node whose mail goes through this relay. */
  int node() {
    return node;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        pump("smtp-relay-" + node + "-down", () -> replies(upstream.getInputStream(), client.getOutputStream()), client, upstream);
        pump("smtp-relay-" + node + "-up", () -> commands(client.getInputStream(), upstream.getOutputStream()), client, upstream);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private interface Pump {
    void run() throws IOException;
  }

  private static void pump(String name, Pump pump, Socket a, Socket b) {
    Thread thread = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException dropped) {
        // one side went away (a killed node): so does the other
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Server to client, each reply held back by the reply delay. */
  private void replies(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      long delay = replyDelayMillis;
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      out.write(buffer, 0, n);
      out.flush();
    }
  }

  /** Client to server: passes everything on, watching command lines for DATA (not message text). */
  private void commands(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean inMessage = false;
    boolean swallowing = false;
    int last4 = 0;
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      int from = 0;
      for (int i = 0; i < n && !swallowing; i++) {
        byte b = buffer[i];
        last4 = (last4 << 8) | (b & 0xff);
        if (inMessage) {
          // A line holding only "." ends the message ("\n.\r\n").
          if (last4 == 0x0a2e0d0a) {
            inMessage = false;
          }
          continue;
        }
        if (b == '\n') {
          String command = line.toString(StandardCharsets.US_ASCII).trim();
          line.reset();
          if (command.equalsIgnoreCase("DATA")) {
            inMessage = true;
            if (tripwire.trip(this)) {
              out.write(buffer, from, i + 1 - from);
              out.flush();
              swallowing = true;
            }
          }
        } else {
          line.write(b);
        }
      }
      if (!swallowing) {
        out.write(buffer, from, n - from);
        out.flush();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
