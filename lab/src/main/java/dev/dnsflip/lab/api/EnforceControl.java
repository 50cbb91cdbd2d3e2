package dev.dnsflip.lab.api;

import dev.dnsflip.lab.LabAuthority;
import java.util.Objects;

/**
 * The switch the API stand-in reads and flips: in the lab, the served account's enforce DNS-only
 * setting ({@link #of(LabAuthority)}).
 */
public interface EnforceControl {
  /** Whether enforce DNS-only is on now. */
  boolean enforced();

  /** Turns enforce DNS-only on or off; called only when the setting changes. */
  void enforce(boolean on);

  /** The switch of a lab authority: the next query it answers after a change sees it. */
  static EnforceControl of(LabAuthority authority) {
    Objects.requireNonNull(authority, "authority");
    return new EnforceControl() {
      @Override
      public boolean enforced() {
        return authority.enabled();
      }

      @Override
      public void enforce(boolean on) {
        if (on) {
          authority.enable();
        } else {
          authority.disable();
        }
      }
    };
  }
}
