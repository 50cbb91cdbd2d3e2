package dev.dnsflip.client;

import java.util.Arrays;

/**
 * Per client and question: the answer in the client's own cache and its expiry, and the answer
 * an open connection was made with and when it closes. Primitive arrays, allocated only when
 * some client group has a cache or reuses connections.
 */
public final class ClientState {
  private final int questions;
  private final int[] cached;
  private final long[] cachedUntil;
  private final int[] connected;
  private final long[] connectedUntil;

  public ClientState(int clients, int questions) {
    this.questions = questions;
    int n = Math.multiplyExact(clients, questions);
    cached = new int[n];
    cachedUntil = new long[n];
    connected = new int[n];
    connectedUntil = new long[n];
    Arrays.fill(cached, -1);
    Arrays.fill(cachedUntil, Long.MIN_VALUE);
    Arrays.fill(connected, -1);
    Arrays.fill(connectedUntil, Long.MIN_VALUE);
  }

  public int index(int client, int question) {
    return client * questions + question;
  }

  public int cached(int i) {
    return cached[i];
  }

  public long cachedUntil(int i) {
    return cachedUntil[i];
  }

  public void cache(int i, int answer, long until) {
    cached[i] = answer;
    cachedUntil[i] = until;
  }

  public int connected(int i) {
    return connected[i];
  }

  public long connectedUntil(int i) {
    return connectedUntil[i];
  }

  public void connect(int i, int answer, long until) {
    connected[i] = answer;
    connectedUntil[i] = until;
  }
}
