package dev.dnsflip.lab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Answers DNS over TCP (RFC 1035 4.2.2 and RFC 7766: two-byte length prefix, several queries per
 * connection), one thread per connection, closing connections idle for {@link #IDLE_MS}.
 */
final class TcpListener implements AutoCloseable {
  /** Idle limit per connection; RFC 7766 asks servers to allow clients a few seconds. */
  static final int IDLE_MS = 10_000;

  private final ServerSocket server;
  private final Exchange exchange;
  private final ExecutorService connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  TcpListener(ServerSocket server, Exchange exchange) {
    this.server = server;
    this.exchange = exchange;
    String name = "lab-authority-tcp-" + server.getLocalPort();
    this.connections = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name + "-connection");
      t.setDaemon(true);
      return t;
    });
    this.acceptor = new Thread(this::run, name);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void run() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        connections.execute(() -> serve(socket));
      } catch (IOException | RejectedExecutionException e) {
        // Closed by close(): the loop ends. Anything else concerns one connection only.
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(IDLE_MS);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException | SocketTimeoutException closedOrIdle) {
          return;
        }
        byte[] query = new byte[length];
        in.readFully(query);
        byte[] response = exchange.answer(query, QueryLog.Transport.TCP);
        if (response == null) {
          return; // unparseable: RFC 7766 lets the server close the connection
        }
        out.writeShort(response.length);
        out.write(response);
        out.flush();
      }
    } catch (IOException e) {
      // The client went away or close() closed the socket: nothing to answer.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    server.close(); // unblocks accept()
    for (Socket socket : open) {
      socket.close();
    }
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
