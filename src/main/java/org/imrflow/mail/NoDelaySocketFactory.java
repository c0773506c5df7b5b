package org.imrflow.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for the SMTP client. An SMTP session is small writes
 * that each wait for the server's answer; with Nagle on, the last segment of a message (the
 * terminating dot) is held back until the server acknowledges the one before, which a server that
 * is only reading delays by up to 40 ms.
 */
final class NoDelaySocketFactory extends SocketFactory {

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
