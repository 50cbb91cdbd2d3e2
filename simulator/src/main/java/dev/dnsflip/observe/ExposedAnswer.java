package dev.dnsflip.observe;

import java.util.List;

/**
 * One answer only the switch hands out: origin addresses (reached directly or through a proxied
 * CNAME's target) or a CNAME naming the target host.
 *
 * @param target the host the answer names: the target of a CNAME, else the owner of the addresses
 * @param addresses empty for a CNAME
 * @param names the questions that lead to it
 * @param uses clients' uses of it in the window (mean over runs; a CNAME is counted at its target)
 * @param lastUseMs the latest use in any run, -1 when none
 */
public record ExposedAnswer(String target, boolean cname, List<String> addresses, List<String> names, long uses,
    long lastUseMs) {
  public ExposedAnswer {
    addresses = List.copyOf(addresses);
    names = List.copyOf(names);
  }
}
