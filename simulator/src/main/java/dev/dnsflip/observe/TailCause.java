package dev.dnsflip.observe;

import java.util.List;

/**
 * One reason stale uses go on after a switch, in plain words, with what the user can change.
 *
 * @param records the questions (or resolver and client kinds) it concerns
 * @param heldMs how long the cause keeps the old answer at most (TTL plus the slowest
 *     propagation), or -1 when nothing bounds it
 * @param lastStaleMs the latest stale use of the questions (or pairs) it concerns in any run, -1
 *     when none was seen
 * @param seenToEnd whether the window was long enough to see this tail end: at least heldMs long
 *     when the cause is bounded, else the stale uses ended before the window's last bucket
 */
public record TailCause(String cause, List<String> records, long heldMs, long lastStaleMs, boolean seenToEnd,
    String change) {
  public TailCause {
    records = List.copyOf(records);
  }
}
