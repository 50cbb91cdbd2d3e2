package dev.dnsflip.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;

/** Answers DNS over UDP on one bound socket, one datagram at a time, on its own daemon thread. */
final class UdpListener implements AutoCloseable {
  private static final int MAX_DATAGRAM = 65_535;

  private final DatagramSocket socket;
  private final Exchange exchange;
  private final Thread thread;

  UdpListener(DatagramSocket socket, Exchange exchange) {
    this.socket = socket;
    this.exchange = exchange;
    this.thread = new Thread(this::run, "lab-authority-udp-" + socket.getLocalPort());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    while (!socket.isClosed()) {
      DatagramPacket in = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(in);
        byte[] out = exchange.answer(Arrays.copyOf(in.getData(), in.getLength()), QueryLog.Transport.UDP);
        if (out != null) {
          socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
        }
      } catch (IOException e) {
        // Closed by close(): the loop ends. Anything else concerns one datagram only.
      }
    }
  }

  @Override
  public void close() {
    socket.close(); // unblocks receive()
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
