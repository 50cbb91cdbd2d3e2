package dev.dnsflip.cli;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dnsflip presets}: every resolver and client preset with its settings and source. */
@Command(name = "presets", mixinStandardHelpOptions = true,
    description = "List the resolver and client presets with their settings, software version and source.")
final class PresetsCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Resolver presets (use as `preset:` in a scenario's resolver group)");
    for (ResolverPreset p : Presets.RESOLVERS) {
      out.println();
      out.println("  " + p.name() + " — " + what(p.software(), p.version()));
      out.println("    " + describe(p.behaviour()));
      out.println("    topology: " + (p.backends() > 1 ? p.backends() + " caches behind one address, "
          + p.choice().key() + " backend per query" : "one cache") + (p.forwarder() ? "; a caching forwarder" : ""));
      out.println("    source: " + source(p.source()));
    }
    out.println();
    out.println("Client presets (use as `preset:` in a scenario's client group)");
    for (ClientPreset p : Presets.CLIENTS) {
      out.println();
      out.println("  " + p.name() + " — " + what(p.software(), p.version()));
      out.println("    " + describe(p.behaviour()));
      out.println("    source: " + source(p.source()));
    }
    out.println();
    out.println("Notes");
    out.println("  [1] " + Presets.WHOLE_SECOND_NOTE);
    out.flush();
    return Main.OK;
  }

  /** Software and version, leaving out what a preset does not name (no placeholder dashes). */
  static String what(String software, String version) {
    boolean hasSoftware = !software.isBlank() && !software.equals("-");
    boolean hasVersion = !version.isBlank() && !version.equals("-");
    if (!hasSoftware) {
      return "no particular software";
    }
    return hasVersion ? software + " " + version : software + " (no particular version)";
  }

  /** A source with the note several presets share replaced by its number, printed once at the end. */
  static String source(String source) {
    return source.replace(Presets.WHOLE_SECOND_NOTE, "whole-second cache clock: see note [1]");
  }

  static String describe(ResolverBehaviour b) {
    TtlClamps c = b.clamps();
    StringBuilder sb = new StringBuilder();
    sb.append("TTL clamps: positive ").append(c.minPositiveS()).append("..").append(bound(c.maxPositiveS()))
        .append(" s, negative ").append(c.minNegativeS()).append("..").append(bound(c.maxNegativeS())).append(" s");
    ServeStale s = b.serveStale();
    sb.append("; serve-stale ");
    if (!s.enabled()) {
      sb.append("off");
    } else {
      sb.append("reply TTL ").append(s.replyTtlS()).append(" s").append(s.replyTtlCappedByOriginal() ? " (capped by TTL)" : "")
          .append(", max stale ").append(bound(s.maxStaleS())).append(" s, client timeout ")
          .append(s.clientTimeoutMs() == ServeStale.CLIENT_TIMEOUT_OFF ? "off (stale only after a failed refresh)"
              : s.clientTimeoutMs() + " ms");
      if (s.refreshRetryMs() > 0) {
        sb.append(", retry after failure ").append(s.refreshRetryMs()).append(" ms");
      }
    }
    sb.append("; prefetch ").append(b.prefetch().describe());
    sb.append("; passes on the ").append(b.passOriginalTtl() ? "original" : "remaining").append(" TTL");
    if (b.capacity() > 0) {
      sb.append("; at most ").append(b.capacity()).append(" entries, least recently used evicted");
    }
    if (b.wholeSecondClock()) {
      sb.append("; whole-second clock (entries live up to 1 s past their TTL)");
    }
    return sb.toString();
  }

  static String describe(ClientBehaviour b) {
    return "cache: " + b.cache().describe()
        + "; connections: " + (b.connectionMeanMs() == 0 ? "new per use" : "kept, mean lifetime " + b.connectionMeanMs() / 1000 + " s")
        + (b.dualStack() ? "; dual-stack (AAAA first)" : "");
  }

  private static String bound(long seconds) {
    return seconds >= TtlClamps.NONE.maxPositiveS() ? "∞" : Long.toString(seconds);
  }
}
