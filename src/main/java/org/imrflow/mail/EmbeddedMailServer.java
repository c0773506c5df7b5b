package org.imrflow.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

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
    greenMail = new GreenMail(port > 0 || requestedPort > 0 ? setup : setup.dynamicPort());
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
}
