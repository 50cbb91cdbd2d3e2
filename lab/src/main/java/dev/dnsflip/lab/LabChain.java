package dev.dnsflip.lab;

import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real software behind a scenario's resolver group, started against a lab authority: the
 * Debian daemon its preset names, at the defaults the preset models, or dnsmasq forwarding to the
 * software of the group it forwards to (a chain). Only what the lab can set is accepted: a group
 * that changes its preset is refused, except Unbound's serve-expired reply TTL, which the lab sets
 * ({@code serve-expired-reply-ttl}) to match.
 */
public final class LabChain implements AutoCloseable {
  private final List<LabResolver> started;
  private final String description;

  private LabChain(List<LabResolver> started, String description) {
    this.started = List.copyOf(started);
    this.description = description;
  }

  /** Why the lab cannot run {@code group} (forwarding to {@code target}, null if none), or empty when it can. */
  public static Optional<String> refusal(ResolverGroup group, ResolverGroup target) {
    if (group.isForwarder()) {
      if (!group.origin().preset().equals("dnsmasq-2.90") || group.origin().modified()) {
        return Optional.of("group " + group.name() + ": the lab runs forwarders as dnsmasq 2.90 at its defaults only");
      }
      return refusal(target, null);
    }
    String preset = group.origin().preset();
    boolean known = LabResolvers.byPreset(preset).isPresent() || preset.equals("unbound-1.17-serve-expired");
    if (!known) {
      return Optional.of("group " + group.name() + ": no lab software for preset " + preset + " (the lab runs "
          + "unbound-1.17, unbound-1.17-serve-expired, bind-9.18, knot-resolver-5.6, pdns-recursor-4.8, dnsmasq-2.90)");
    }
    if (group.origin().modified() && !preset.equals("unbound-1.17-serve-expired")) {
      return Optional.of("group " + group.name() + ": the lab starts " + preset + " at its defaults, but the group "
          + "changes them");
    }
    return Optional.empty();
  }

  /** Starts the software of {@code group} (and of {@code target} behind it) in front of {@code authority}. */
  public static LabChain start(ResolverGroup group, ResolverGroup target, LabAuthority authority, Path workDir)
      throws IOException {
    refusal(group, target).ifPresent(r -> {
      throw new IllegalArgumentException(r);
    });
    List<LabResolver> started = new ArrayList<>();
    try {
      if (group.isForwarder()) {
        LabResolver behind = startOne(target, authority, workDir.resolve(target.name()));
        started.add(behind);
        started.add(DnsmasqLab.start(DnsmasqSettings.forwardingTo(behind.address(), Loopback.v4(56)),
            workDir.resolve(group.name())));
        return new LabChain(started, "dnsmasq " + started.get(1).version() + " -> " + describe(target, behind));
      }
      LabResolver one = startOne(group, authority, workDir.resolve(group.name()));
      started.add(one);
      return new LabChain(started, describe(group, one));
    } catch (IOException | RuntimeException e) {
      started.forEach(LabResolver::close);
      throw e;
    }
  }

  private static LabResolver startOne(ResolverGroup group, LabAuthority authority, Path dir) throws IOException {
    String preset = group.origin().preset();
    if (preset.equals("unbound-1.17-serve-expired")) {
      ServeStale s = group.behaviour().serveStale();
      return UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)).serveExpired(true)
          .serveExpiredReplyTtl(s.replyTtlS()), dir);
    }
    return LabResolvers.byPreset(preset).orElseThrow().start(authority, dir);
  }

  private static String describe(ResolverGroup group, LabResolver r) {
    String software = r instanceof UnboundLab ? "Unbound" : r instanceof BindLab ? "BIND"
        : r instanceof KnotLab ? "Knot Resolver" : r instanceof PdnsLab ? "PowerDNS Recursor"
        : r instanceof DnsmasqLab ? "dnsmasq" : r.getClass().getSimpleName();
    return group.origin().preset() + " (" + software + " " + r.version() + ")";
  }

  /** Where clients ask: the last software of the chain. */
  public InetSocketAddress address() {
    return started.get(started.size() - 1).address();
  }

  /** e.g. "dnsmasq 2.90 -> unbound-1.17-serve-expired (Unbound 1.17.1)". */
  public String description() {
    return description;
  }

  public boolean isRunning() {
    return started.stream().allMatch(LabResolver::isRunning);
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
  }
}
