package dev.dnsflip.lab.api;

/**
 * The switch the API stand-in reads and flips: in the lab, the served account's enforce DNS-only
 * setting (for a {@code LabAuthority}: {@code enabled()}, and {@code enable()}/{@code disable()}).
 */
public interface EnforceControl {
  /** Whether enforce DNS-only is on now. */
  boolean enforced();

  /** Turns enforce DNS-only on or off; called only when the setting changes. */
  void enforce(boolean on);
}
