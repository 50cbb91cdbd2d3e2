package dev.dnsflip.reports;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.ExcludedRecord;
import dev.dnsflip.observe.ExposedAnswer;
import dev.dnsflip.observe.HolderCurve;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.Readiness;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.TailCause;
import dev.dnsflip.observe.TlsRisk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The readiness section as parts both Markdown and HTML render (headings, sentences, tables,
 * bullets), so the two say the same in the same words; HTML adds its charts at each switch's
 * {@link Charts} part.
 */
final class ReadinessView {
  sealed interface Part permits Heading, Text, Table, Bullets, Charts {}

  record Heading(String text) implements Part {}

  record Text(String text) implements Part {}

  /** {@code numeric}: per column, whether it holds figures (right-aligned). */
  record Table(List<String> header, boolean[] numeric, List<List<String>> rows) implements Part {}

  record Bullets(List<String> items) implements Part {}

  record Charts(SwitchReadiness readiness) implements Part {}

  /** Offsets at which the holders are told in the table, where the window reaches them. */
  private static final long[] HOLDER_TIMES = {0, 60_000, 300_000, 900_000, 1_800_000, 3_600_000};

  private ReadinessView() {}

  static List<Part> of(Readiness readiness, int replications) {
    List<Part> parts = new ArrayList<>();
    String runs = replications > 1 ? " Counts are means of " + replications + " runs, rounded; \"latest\" is the "
        + "latest in any run." : "";
    parts.add(new Text("What the switch does to the origins, computed by the simulator: the load that reaches "
        + "them once Cloudflare steps aside, which origin addresses and CNAME targets it hands out and how long "
        + "resolvers and clients keep them, the uses that would fail TLS, the records it leaves proxied, and why "
        + "each tail lasts as long as it does." + runs));
    excluded(parts, readiness.excluded());
    for (SwitchReadiness s : readiness.switches()) {
      parts.add(new Heading("Switch " + (s.index() + 1) + ": " + s.direction().key()));
      if (s.direction() == SwitchDirection.ENABLE) {
        load(parts, s, readiness.bucketMs());
      }
      exposure(parts, s, readiness.bucketMs());
      tls(parts, s.tls(), s.direction());
      causes(parts, s);
      parts.add(new Charts(s));
    }
    return parts;
  }

  private static void excluded(List<Part> parts, List<ExcludedRecord> excluded) {
    if (excluded.isEmpty()) {
      parts.add(new Text("Every proxied record follows the switch: none is of a category the switch excludes."));
      return;
    }
    parts.add(new Text("These proxied records stay proxied (anycast) while DNS-only is enforced, because their "
        + "category is excluded: traffic to them still goes through Cloudflare, so if Cloudflare is what fails, "
        + "the switch does not route around it for them."));
    List<List<String>> rows = new ArrayList<>();
    for (ExcludedRecord r : excluded) {
      rows.add(List.of(r.name().replaceAll("\\.$", ""), r.type(), r.category(), r.why()));
    }
    parts.add(new Table(List.of("Record", "Type", "Category", "Why it stays proxied"),
        new boolean[] {false, false, false, false}, rows));
  }

  private static void load(List<Part> parts, SwitchReadiness s, long bucketMs) {
    if (s.originLoad().isEmpty()) {
      parts.add(new Text("No origin address is handed out by this switch."));
      return;
    }
    parts.add(new Text("Origin load: requests per second reaching each origin address (every use answered with "
        + "it is one request; an answer with several addresses spreads its uses evenly), per "
        + Durations.format(bucketMs) + ". Capacities are the scenario's `origins:`."));
    List<List<String>> rows = new ArrayList<>();
    for (OriginLoad o : s.originLoad()) {
      double[] rps = o.requestsPerSecond();
      double settled = rps.length == 0 ? 0 : rps[rps.length - 1];
      rows.add(List.of(o.address(), names(o.names()), rate(o.peakPerSecond()) + " at " + Durations.format(o.peakAtMs()),
          rate(settled), o.capacityPerSecond() == null ? "not stated" : rate(o.capacityPerSecond()),
          o.capacityPerSecond() == null ? "–" : o.firstExceededMs() < 0 ? "never"
              : Durations.format(o.firstExceededMs()) + " after the switch"));
    }
    parts.add(new Table(List.of("Origin", "Names", "Peak req/s", "Req/s in the last bucket", "Capacity req/s",
        "First above capacity"), new boolean[] {false, false, true, true, true, false}, rows));
  }

  private static void exposure(List<Part> parts, SwitchReadiness s, long bucketMs) {
    List<ExposedAnswer> exposed = s.exposed();
    if (exposed.isEmpty()) {
      return;
    }
    parts.add(new Text(s.direction() == SwitchDirection.ENABLE
        ? "Exposed from this switch on: the answers only DNS-only hands out (origin addresses, CNAME targets)."
        : "Still exposed after the switch back: the answers only DNS-only handed out, and how long clients went "
            + "on using them."));
    List<List<String>> rows = new ArrayList<>();
    for (ExposedAnswer e : exposed) {
      String target = e.target().replaceAll("\\.$", "");
      rows.add(e.cname()
          ? List.of("CNAME target " + target, "its own addresses", names(e.names()), "counted at its addresses", "–")
          : List.of(target, String.join(", ", e.addresses()), names(e.names()), Figures.count(e.uses()),
              e.lastUseMs() < 0 ? "none" : Durations.format(e.lastUseMs())));
    }
    parts.add(new Table(List.of("Answer", "Addresses", "Asked as", "Uses in the window", "Last use"),
        new boolean[] {false, false, false, true, true}, rows));
    if (s.direction() == SwitchDirection.ENABLE) {
      return; // every holder keeps it while DNS-only stays enforced: who lets go matters after the disable
    }
    List<String> header = new ArrayList<>(List.of("Still holding one"));
    List<String> clients = new ArrayList<>(List.of("clients (using)"));
    List<String> resolvers = new ArrayList<>(List.of("resolvers (handing out)"));
    long[] c = s.clients().stillHolding();
    long[] r = s.resolvers().stillHolding();
    for (long t : HOLDER_TIMES) {
      int b = (int) (t / bucketMs);
      if (t >= s.windowMs() || b >= c.length) {
        break;
      }
      header.add(t == 0 ? "at the switch" : "after " + Durations.format(t));
      clients.add(Figures.count(c[b]));
      resolvers.add(Figures.count(r[b]));
    }
    boolean[] numeric = new boolean[header.size()];
    java.util.Arrays.fill(numeric, 1, numeric.length, true);
    parts.add(new Table(header, numeric, List.of(clients, resolvers)));
    parts.add(new Text("Last let go: " + letGo("client", s.clients(), s.windowMs()) + "; "
        + letGo("resolver", s.resolvers(), s.windowMs()) + "."));
  }

  private static String letGo(String who, HolderCurve curve, long windowMs) {
    if (curve.lastLetGoMs() < 0) {
      return "no " + who + " held one";
    }
    return "the last " + who + " " + Durations.format(curve.lastLetGoMs()) + " after the switch"
        + (curve.openAtWindowEnd() ? " (still holding one in the window's last bucket: the window, "
            + Durations.format(windowMs) + ", ended first)" : "");
  }

  private static void tls(List<Part> parts, TlsRisk tls, SwitchDirection direction) {
    if (tls.untrustedOrigins().isEmpty()) {
      parts.add(new Text("TLS: no origin is stated with a certificate only Cloudflare trusts; state "
          + "`certificate: origin-ca` in `origins:` for those that have a Cloudflare Origin CA certificate, whose "
          + "direct clients fail the handshake."));
      return;
    }
    parts.add(new Text("TLS: " + Figures.count(tls.failingUses()) + " of " + Figures.count(tls.uses()) + " uses ("
        + (tls.failingShare() == null ? Figures.MISSING : Figures.percent(tls.failingShare())) + ") went straight to "
        + "an origin whose certificate only Cloudflare trusts (" + String.join(", ", tls.untrustedOrigins())
        + ") and would fail the TLS handshake"
        + (direction == SwitchDirection.ENABLE ? "." : ", until the last client let go of the origin address.")));
  }

  private static void causes(List<Part> parts, SwitchReadiness s) {
    if (s.tailCauses().isEmpty()) {
      parts.add(new Text("Tail: no client used a stale answer after this switch."));
      return;
    }
    List<String> items = new ArrayList<>();
    for (TailCause c : s.tailCauses()) {
      String window = "The window (" + Durations.format(s.windowMs()) + ")";
      String seen;
      if (c.heldMs() >= 0) {
        seen = (c.lastStaleMs() >= 0 && c.lastStaleMs() <= c.heldMs()
            ? " Latest stale use of these names: " + Durations.format(c.lastStaleMs()) + "." : "")
            + (c.seenToEnd() ? " " + window + " is long enough to see this end (by " + Durations.format(c.heldMs())
                + " after the switch)."
                : " " + window + " ends before this can (up to " + Durations.format(c.heldMs())
                    + " after the switch): run a longer window to see the tail end.");
      } else {
        seen = c.seenToEnd() ? " " + window + " saw the tail end."
            : " " + window + " did not see the tail end: stale uses went on into its last bucket; run a longer "
                + "window to see it.";
      }
      items.add(c.cause() + " Concerns: " + names(c.records()) + "." + seen + " What to change: " + c.change());
    }
    parts.add(new Text("Why the tail lasts:"));
    parts.add(new Bullets(items));
  }

  private static String names(List<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names) {
      shown.add(n.replace(". ", " ").replaceAll("\\.$", ""));
    }
    return String.join(", ", shown);
  }

  /** Requests per second: whole above 100, else three significant digits. */
  static String rate(double perSecond) {
    if (!Double.isFinite(perSecond)) {
      return Figures.MISSING;
    }
    if (perSecond >= 100) {
      return Figures.count(Math.round(perSecond));
    }
    return BigDecimal.valueOf(perSecond).round(new java.math.MathContext(3, RoundingMode.HALF_UP))
        .stripTrailingZeros().toPlainString();
  }
}
