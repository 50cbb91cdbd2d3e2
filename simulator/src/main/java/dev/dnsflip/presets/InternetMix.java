package dev.dnsflip.presets;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A population of resolvers and clients in the proportions one might meet on the internet, built
 * from presets. Every share is an assumption, stated here and in docs/ARCHITECTURE.md, and the
 * whole is calibrated against Flavel, Mani and Maltz (LANMAN 2014): with a 20 s TTL, 90% of
 * requests had switched within 60 s, and 2% of users still used the stale answer after 15 min.
 *
 * <p>Resolvers (share of clients):
 * <ul>
 *   <li>ISP resolvers, Unbound 1.17 defaults (TTL-honouring apart from far clamps, whole-second clock): 42%;
 *   <li>public anycast farms (8 caches, random backend per query): 30%;
 *   <li>home-router dnsmasq forwarders in front of the ISP resolvers: 15%;
 *   <li>BIND 9.18 (prefetch 2 9) enterprise resolvers: 5%;
 *   <li>Unbound with serve-expired (answer stale at once, reply TTL 30 s): 5%;
 *   <li>ISP resolvers with a 3600 s TTL floor: 3% — the long tail Flavel et al. saw.
 * </ul>
 * Clients (share of clients): Chrome 45% (of which 5 points on keep-alive connections, mean lifetime 2 min), Firefox
 * 10%, JVM services 10%, Go services 10%, curl 5%, Windows stub 10%, systemd-resolved stub 10%.
 */
public final class InternetMix {
  /** Resolvers of the mix per unit of {@code scale}: 42 + 30 + 15 + 5 + 5 + 3. */
  public static final int RESOLVERS_PER_SCALE = 100;

  private InternetMix() {}

  public static List<ResolverGroup> resolvers(int scale) {
    // Counts are ints: a scale whose counts overflow is a caller's bug, not a silent wrap.
    Math.multiplyExact(scale, RESOLVERS_PER_SCALE);
    List<ResolverGroup> groups = new ArrayList<>();
    groups.add(group("isp", "unbound-1.17", 42 * scale, null));
    groups.add(group("public", "public-farm", 30 * scale, null));
    groups.add(group("home-router", "dnsmasq-2.90", 15 * scale, "isp"));
    groups.add(group("enterprise", "bind-9.18", 5 * scale, null));
    groups.add(group("serve-expired", "unbound-1.17-serve-expired", 5 * scale, null));
    groups.add(group("isp-floor", "isp-floor-3600", 3 * scale, null));
    return groups;
  }

  public static List<ClientGroup> clients(int count, double queriesPerSecond, List<WeightedQuestion> questions) {
    Object[][] shares = {
        {"chrome", 0.40}, {"browser-keepalive", 0.05}, {"firefox", 0.10}, {"jvm", 0.10}, {"go", 0.10},
        {"curl", 0.05}, {"windows", 0.10}, {"systemd-resolved-stub", 0.10}};
    List<ClientGroup> groups = new ArrayList<>();
    int assigned = 0;
    for (int i = 0; i < shares.length; i++) {
      String name = (String) shares[i][0];
      int n = i == shares.length - 1 ? count - assigned : (int) Math.round(count * (double) shares[i][1]);
      assigned += n;
      ClientPreset preset = Presets.client(name).orElseThrow();
      groups.add(new ClientGroup(name, n, queriesPerSecond, Map.of(), questions).withBehaviour(preset.behaviour(), Origin.of(name)));
    }
    return groups;
  }

  private static ResolverGroup group(String name, String presetName, int count, String forwardTo) {
    ResolverPreset p = Presets.resolver(presetName).orElseThrow();
    return new ResolverGroup(name, count).withBehaviour(p.behaviour(), Origin.of(presetName)).withBackends(p.backends(), p.choice())
        .withForwardTo(forwardTo);
  }
}
