package org.imrflow.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server inside the application (GreenMail), so that the embedded run mails every letter
 * with no setup. It keeps what it receives in memory: tests read it; nothing leaves the machine.
 */
public class EmbeddedMailServer {

  private final int requestedPort;
  private GreenMail greenMail;
  private int port;

  public EmbeddedMailServer(int requestedPort) {
    this.requestedPort = requestedPort;
  }

  public synchronized void start() {
    ServerSetup setup = new ServerSetup(port > 0 ? port : requestedPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    greenMail = new NoDelayGreenMail(port > 0 || requestedPort > 0 ? setup : setup.dynamicPort());
    greenMail.start();
    port = greenMail.getSmtp().getPort();
  }

  /** Stops listening; {@link #start()} listens again on the same port (tests of a mail outage). */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public synchronized boolean running() {
    return greenMail != null;
  }

  public int port() {
    return port;
  }

  public synchronized List<MimeMessage> received() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  public synchronized void purge() throws Exception {
    if (greenMail != null) {
      greenMail.purgeEmailFromAllMailboxes();
    }
  }

  /**
   * GreenMail whose SMTP server answers without Nagle's algorithm. It writes a multi-line answer
   * (EHLO's) a line at a time; with Nagle on, the second line waits for the client's ACK of the
   * first, which the client delays by 40 ms because it is only reading: a 40 ms stall per session
   * that was most of a letter's time (issue 18, JFR of the full case).
   */
  private static final class NoDelayGreenMail extends GreenMail {

    NoDelayGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      services.replaceAll((protocol, server) -> server instanceof SmtpServer
          ? new NoDelaySmtpServer(server.getServerSetup(), managers) : server);
      return services;
    }
  }

  private static final class NoDelaySmtpServer extends SmtpServer {

    NoDelaySmtpServer(ServerSetup setup, Managers managers) {
      super(setup, managers);
    }

    @Override
    protected void handleClientSocket(Socket client) throws SocketException {
      client.setTcpNoDelay(true);
      super.handleClientSocket(client);
    }
  }
}
