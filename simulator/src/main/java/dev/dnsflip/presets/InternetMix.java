package dev.dnsflip.presets;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A population of resolvers and clients drawn from published field measurements, built from
 * presets. docs/POPULATION.md gives every share its source (paper, table or figure, year), or the
 * reasoning where no source settles it, and says which shares were fitted, to what, and how.
 *
 * <p>Resolvers, per 100 (clients spread over resolvers in proportion to their counts, so these
 * are also shares of clients), with the fitted defaults of {@link Parameters#FITTED}:
 * <ul>
 *   <li>public anycast farms, 8 caches each, random backend: 20 (no cap 7, TTL caps 21600 s 7,
 *       43200 s 3, 3600 s 3);
 *   <li>home-router dnsmasq forwarders in front of the single-cache ISP resolvers: 15;
 *   <li>BIND 9.18 enterprise resolvers: 5; Unbound serve-expired: 2;
 *   <li>ISP resolvers with TTL floors of 30, 60 and 300 s (3, 3, 1) and of 3600 s (3, fitted);
 *   <li>ISP resolver pools of four Unbound caches (fitted) and single Unbound caches (the rest).
 * </ul>
 * Clients (share of clients): Chrome 45% (of which a fitted share on keep-alive connections),
 * Firefox 10%, JVM services 10%, Go services 10%, curl 5%, Windows stub 10%, systemd-resolved stub 10%.
 */
public final class InternetMix {
  /** Resolvers of the mix per unit of {@code scale}: the shares are per 100. */
  public static final int RESOLVERS_PER_SCALE = 100;

  /** The share of Chrome clients, keep-alive ones included. */
  private static final double CHROME = 0.45;

  /**
   * The population's parameters: resolver counts per 100 (the single-cache ISP resolvers take what
   * is left), and the share of all clients that are browsers on keep-alive connections with their
   * mean connection lifetime.
   */
  public record Parameters(int publicUncapped, int publicCap21600, int publicCap43200, int publicCap3600,
      int homeRouters, int enterprise, int serveStale, int ispPools, int floor30, int floor60, int floor300,
      int floor900, int floor3600, double keepAliveShare, long keepAliveMeanMs) {
    /** The revision shipped as {@code internet-mix}: set from sources and fitted as docs/POPULATION.md says. */
    public static final Parameters FITTED = new Parameters(7, 7, 3, 3, 15, 5, 2, 17, 3, 3, 1, 0, 3, 0.02, 120_000);

    public Parameters {
      for (int count : new int[] {publicUncapped, publicCap21600, publicCap43200, publicCap3600, homeRouters,
          enterprise, serveStale, ispPools, floor30, floor60, floor300, floor900, floor3600}) {
        if (count < 0) {
          throw new IllegalArgumentException("a share of the mix must be >= 0, got " + count);
        }
      }
      if (ispSingles(publicUncapped + publicCap21600 + publicCap43200 + publicCap3600 + homeRouters + enterprise
          + serveStale + ispPools + floor30 + floor60 + floor300 + floor900 + floor3600) < 1) {
        throw new IllegalArgumentException("the mix needs at least one single-cache ISP resolver per 100, "
            + "which the home routers forward to");
      }
      if (!(keepAliveShare >= 0 && keepAliveShare <= CHROME) || keepAliveMeanMs <= 0) {
        throw new IllegalArgumentException("keep-alive share must be in [0, " + CHROME + "] with a lifetime > 0");
      }
    }

    private static int ispSingles(int others) {
      return RESOLVERS_PER_SCALE - others;
    }

    /** Single-cache ISP resolvers per 100: what the other kinds leave. */
    public int ispSingles() {
      return ispSingles(publicUncapped + publicCap21600 + publicCap43200 + publicCap3600 + homeRouters + enterprise
          + serveStale + ispPools + floor30 + floor60 + floor300 + floor900 + floor3600);
    }
  }

  private InternetMix() {}

  public static List<ResolverGroup> resolvers(int scale) {
    return resolvers(scale, Parameters.FITTED);
  }

  public static List<ResolverGroup> resolvers(int scale, Parameters p) {
    // Counts are ints: a scale whose counts overflow is a caller's bug, not a silent wrap.
    Math.multiplyExact(scale, RESOLVERS_PER_SCALE);
    List<ResolverGroup> groups = new ArrayList<>();
    add(groups, "isp", "unbound-1.17", p.ispSingles() * scale, null);
    add(groups, "isp-pool", "unbound-1.17-pool-4", p.ispPools() * scale, null);
    add(groups, "public", "public-farm", p.publicUncapped() * scale, null);
    add(groups, "public-cap-21600", "public-farm-cap-21600", p.publicCap21600() * scale, null);
    add(groups, "public-cap-43200", "public-farm-cap-43200", p.publicCap43200() * scale, null);
    add(groups, "public-cap-3600", "public-farm-cap-3600", p.publicCap3600() * scale, null);
    add(groups, "home-router", "dnsmasq-2.90", p.homeRouters() * scale, "isp");
    add(groups, "enterprise", "bind-9.18", p.enterprise() * scale, null);
    add(groups, "serve-expired", "unbound-1.17-serve-expired", p.serveStale() * scale, null);
    add(groups, "isp-floor-30", "isp-floor-30", p.floor30() * scale, null);
    add(groups, "isp-floor-60", "isp-floor-60", p.floor60() * scale, null);
    add(groups, "isp-floor-300", "isp-floor-300", p.floor300() * scale, null);
    add(groups, "isp-floor-900", "isp-floor-900", p.floor900() * scale, null);
    add(groups, "isp-floor-3600", "isp-floor-3600", p.floor3600() * scale, null);
    return groups;
  }

  public static List<ClientGroup> clients(int count, double queriesPerSecond, List<WeightedQuestion> questions) {
    return clients(count, queriesPerSecond, questions, Parameters.FITTED);
  }

  public static List<ClientGroup> clients(int count, double queriesPerSecond, List<WeightedQuestion> questions,
      Parameters p) {
    Object[][] shares = {
        {"chrome", CHROME - p.keepAliveShare()}, {"browser-keepalive", p.keepAliveShare()}, {"firefox", 0.10},
        {"jvm", 0.10}, {"go", 0.10}, {"curl", 0.05}, {"windows", 0.10}, {"systemd-resolved-stub", 0.10}};
    List<ClientGroup> groups = new ArrayList<>();
    int assigned = 0;
    for (int i = 0; i < shares.length; i++) {
      String name = (String) shares[i][0];
      int n = i == shares.length - 1 ? count - assigned : (int) Math.round(count * (double) shares[i][1]);
      assigned += n;
      if ((double) shares[i][1] == 0) {
        continue; // a kind the parameters leave out; a positive share rounding to no client is refused below
      }
      ClientPreset preset = Presets.client(name).orElseThrow();
      ClientBehaviour behaviour = preset.behaviour();
      Origin origin = Origin.of(name);
      if (behaviour.connectionMeanMs() > 0 && behaviour.connectionMeanMs() != p.keepAliveMeanMs()) {
        behaviour = behaviour.withConnectionMeanMs(p.keepAliveMeanMs());
        origin = new Origin(name, true, true);
      }
      groups.add(new ClientGroup(name, n, queriesPerSecond, Map.of(), questions).withBehaviour(behaviour, origin));
    }
    return groups;
  }

  private static void add(List<ResolverGroup> groups, String name, String presetName, int count, String forwardTo) {
    if (count == 0) {
      return;
    }
    ResolverPreset p = Presets.resolver(presetName).orElseThrow();
    groups.add(new ResolverGroup(name, count).withBehaviour(p.behaviour(), Origin.of(presetName))
        .withBackends(p.backends(), p.choice()).withForwardTo(forwardTo));
  }
}
