package dev.dnsflip.authority;

import java.util.Objects;

/** The account setting changes at {@code atMs} (simulated time, before propagation). */
public record SwitchEvent(long atMs, SwitchDirection direction) {
  public SwitchEvent {
    Objects.requireNonNull(direction, "direction");
  }
}
