package dev.dnsflip.explore;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.CacheClock;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import dev.dnsflip.scenarios.Registry;
import dev.dnsflip.simulation.Scenario;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Builds a random but valid small {@link Scenario} from a seed: the same seed and profile give the
 * same scenario. Small means one run takes tens of milliseconds: at most three names, three
 * resolver groups of a few resolvers and three client groups of at most about a hundred clients,
 * a few switch events, about an hour and a half of simulated time.
 *
 * <p>What it draws: an account zone with one to three names (proxied A-only, dual-stack or
 * AAAA-only; proxied CNAMEs to an external origin or to a proxied name in the account, flattened or
 * not; DNS-only addresses and CNAME chains; an excluded category), an external zone for CNAME
 * targets, the Auto TTL, the SOA minimum (the negative TTL), IPv6 compatibility and the SaaS
 * setting; one to four alternating switch events inside the run, some closer together than a
 * TTL; propagation (none, fixed or uniform) over one to three nameservers; resolver groups from
 * the presets (farms and forwarders included) or with explicit clamps, serve-stale, prefetch,
 * capacity, TTL pass-on and cache clock, some forwarding to an earlier group; client groups from the client
 * presets or with an explicit cache, connection reuse and dual stack, each asking a subset of the
 * questions through all or some resolver groups. Every value is one the scenario loader accepts,
 * so {@link ScenarioYamlWriter} can write any generated scenario as a file.
 */
public final class ScenarioGenerator {
  public static final String ZONE = "example.com";
  public static final String EXTERNAL = "example.net";
  private static final long[] AUTO_TTLS_S = {30, 60, 120, 300};
  private static final long[] SOA_MINIMUMS_S = {60, 300, 900, 1800};
  private static final long[] BUCKETS_MS = {1_000, 5_000, 5_000, 10_000};
  private static final Category[] INCLUDED = {Category.LOAD_BALANCER, Category.WORKER_ROUTE,
      Category.SAAS_FALLBACK_ORIGIN};

  private enum NameKind {
    PROXIED_A, PROXIED_DUAL, PROXIED_AAAA, PROXIED_CNAME, PROXIED_CNAME_FLATTENED, DNS_ONLY_A, DNS_ONLY_CNAME_CHAIN,
    DNS_ONLY_CNAME_FLATTENED, EXCLUDED
  }

  /** A scenario drawing from everything the generator knows. */
  public Scenario generate(long seed) {
    return generate(seed, Profile.ANY);
  }

  public Scenario generate(long seed, Profile profile) {
    SplittableRandom r = new SplittableRandom(seed);
    long autoTtl = r.nextInt(4) == 0 ? 30 + r.nextInt(271) : AUTO_TTLS_S[r.nextInt(AUTO_TTLS_S.length)];
    List<DnsRecord> records = new ArrayList<>();
    List<DnsRecord> external = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    int names = 1 + r.nextInt(3);
    for (int i = 0; i < names; i++) {
      addName(r, i, records, external, questions);
    }
    Soa soa = new Soa(3600, SOA_MINIMUMS_S[r.nextInt(SOA_MINIMUMS_S.length)]);
    SwitchSettings settings = new SwitchSettings(r.nextInt(6) != 0, r.nextInt(6) != 0);
    List<Zone> externalZones = external.isEmpty() ? List.of()
        : List.of(new Zone(name(EXTERNAL), Soa.CLOUDFLARE_DEFAULT, external));
    Account account = new Account(List.of(new Zone(name(ZONE), soa, records)), autoTtl, Account.defaultAnycastV4(),
        Account.defaultAnycastV6(), settings, externalZones);

    boolean initiallyEnabled = r.nextInt(5) == 0;
    int eventCount = 1 + r.nextInt(4);
    List<SwitchEvent> events = new ArrayList<>();
    long at = 30_000 + r.nextLong(570_000);
    boolean on = initiallyEnabled;
    for (int i = 0; i < eventCount; i++) {
      on = !on;
      events.add(new SwitchEvent(at, on ? SwitchDirection.ENABLE : SwitchDirection.DISABLE));
      // Some events follow the previous one within a TTL: caches then hold answers fetched together.
      at += r.nextInt(10) < 3 ? 1_000 + r.nextLong(autoTtl * 1000) : 60_000 + r.nextLong(1_740_000);
    }
    long lastEvent = events.get(events.size() - 1).atMs();
    long durationMs = lastEvent + 60_000 + r.nextLong(2_340_000);

    Propagation propagation = switch (r.nextInt(3)) {
      case 0 -> new Propagation.Fixed(0);
      case 1 -> new Propagation.Fixed(r.nextLong(10_001));
      default -> {
        long min = r.nextLong(5_001);
        yield new Propagation.Uniform(min, min + r.nextLong(25_001));
      }
    };
    int nameservers = 1 + r.nextInt(3);
    long bucketMs = BUCKETS_MS[r.nextInt(BUCKETS_MS.length)];
    int init = r.nextInt(10);
    InitialCache initialCache = init < 7 ? InitialCache.STEADY
        : init < 9 ? InitialCache.COLD : InitialCache.warmup(60_000L * (1 + r.nextInt(20)));
    int replications = r.nextInt(5) == 0 ? 2 : 1;

    List<ResolverGroup> resolvers = new ArrayList<>();
    int resolverGroups = 1 + r.nextInt(3);
    int requiredAt = r.nextInt(resolverGroups);
    for (int g = 0; g < resolverGroups; g++) {
      resolvers.add(resolverGroup(r, "r" + g, profile, g == requiredAt ? profile.requiredResolver() : null, resolvers));
    }
    List<ClientGroup> clients = new ArrayList<>();
    int clientGroups = 1 + r.nextInt(3);
    int clientRequiredAt = r.nextInt(clientGroups);
    for (int g = 0; g < clientGroups; g++) {
      clients.add(clientGroup(r, "c" + g, profile, g == clientRequiredAt ? profile.requiredClient() : null,
          questions, resolvers));
    }
    return Scenario.builder()
        .name("explore-case")
        .description("generated by dnsflip explore from seed " + seed + " (profile "
            + profile.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")")
        .seed(seed)
        .replications(replications)
        .durationMs(durationMs)
        .bucketMs(bucketMs)
        .initialCache(initialCache)
        .account(account)
        .nameservers(nameservers)
        .propagation(propagation)
        .schedule(new SwitchSchedule(initiallyEnabled, events))
        .resolverGroups(resolvers)
        .clientGroups(clients)
        .build();
  }

  private static void addName(SplittableRandom r, int i, List<DnsRecord> records, List<DnsRecord> external,
      List<Question> questions) {
    NameKind kind = NameKind.values()[r.nextInt(NameKind.values().length)];
    String owner = "n" + i + "." + ZONE;
    String originV4 = "192.0.2." + (10 + i);
    String originV6 = "2001:db8::" + Integer.toHexString(16 + i);
    String target = "t" + i + "." + EXTERNAL;
    String chained = "c" + i + "." + ZONE;
    boolean askA = true;
    boolean askAaaa = r.nextBoolean();
    switch (kind) {
      case PROXIED_A -> records.add(a(owner, originV4, DnsRecord.AUTO_TTL, true, proxiedCategory(r)));
      case PROXIED_DUAL -> {
        Category category = proxiedCategory(r);
        records.add(a(owner, originV4, DnsRecord.AUTO_TTL, true, category));
        records.add(aaaa(owner, originV6, DnsRecord.AUTO_TTL, true, category));
      }
      case PROXIED_AAAA -> {
        records.add(aaaa(owner, originV6, DnsRecord.AUTO_TTL, true, Category.REGULAR));
        askAaaa = true;
        askA = r.nextBoolean();
      }
      case PROXIED_CNAME, PROXIED_CNAME_FLATTENED -> {
        boolean flatten = kind == NameKind.PROXIED_CNAME_FLATTENED;
        if (!flatten && r.nextInt(10) < 3) {
          records.add(cname(owner, chained, DnsRecord.AUTO_TTL, true, false));
          records.add(a(chained, "192.0.2." + (110 + i), DnsRecord.AUTO_TTL, true, Category.REGULAR));
        } else {
          records.add(cname(owner, target, DnsRecord.AUTO_TTL, true, flatten));
          addTarget(r, i, target, external);
        }
      }
      case DNS_ONLY_A -> records.add(a(owner, originV4, accountTtl(r), false, Category.REGULAR));
      case DNS_ONLY_CNAME_CHAIN -> {
        records.add(cname(owner, chained, accountTtl(r), false, false));
        records.add(a(chained, "192.0.2." + (110 + i), DnsRecord.AUTO_TTL, true, proxiedCategory(r)));
        if (r.nextBoolean()) {
          records.add(aaaa(chained, "2001:db8::" + Integer.toHexString(0x110 + i), DnsRecord.AUTO_TTL, true,
              Category.REGULAR));
        }
      }
      case DNS_ONLY_CNAME_FLATTENED -> {
        records.add(cname(owner, target, accountTtl(r), false, true));
        addTarget(r, i, target, external);
      }
      case EXCLUDED -> records.add(a(owner, originV4, DnsRecord.AUTO_TTL, true, Category.SPECTRUM));
    }
    if (askA) {
      questions.add(new Question(name(owner), Type.A));
    }
    if (askAaaa) {
      questions.add(new Question(name(owner), Type.AAAA));
    }
  }

  /** An origin outside the account: its own TTL (30 s to 15 min), dual-stack or not. */
  private static void addTarget(SplittableRandom r, int i, String target, List<DnsRecord> external) {
    long ttl = 30 + r.nextInt(871);
    external.add(a(target, "198.51.100." + (10 + i), ttl, false, Category.REGULAR));
    if (r.nextBoolean()) {
      external.add(aaaa(target, "2001:db8:100::" + Integer.toHexString(16 + i), ttl, false, Category.REGULAR));
    }
  }

  /** A DNS-only record's TTL as Cloudflare accepts it: Auto, or 30 s to 10 min here. */
  private static long accountTtl(SplittableRandom r) {
    return r.nextBoolean() ? DnsRecord.AUTO_TTL : 30 + r.nextInt(571);
  }

  private static Category proxiedCategory(SplittableRandom r) {
    return r.nextInt(4) == 0 ? INCLUDED[r.nextInt(INCLUDED.length)] : Category.REGULAR;
  }

  private static ResolverGroup resolverGroup(SplittableRandom r, String name, Profile profile,
      Predicate<ResolverBehaviour> required, List<ResolverGroup> earlier) {
    for (int attempt = 0; attempt < 64; attempt++) {
      ResolverBehaviour b;
      Origin origin;
      int backends;
      BackendChoice choice;
      boolean forwarderPreset = false;
      if (r.nextInt(5) < 3) {
        ResolverPreset p = Presets.RESOLVERS.get(r.nextInt(Presets.RESOLVERS.size()));
        b = p.behaviour();
        origin = Origin.of(p.name());
        backends = p.backends();
        choice = p.choice();
        forwarderPreset = p.forwarder();
      } else {
        b = randomResolverBehaviour(r);
        origin = Traits.resolverOrigin(null, b);
        backends = r.nextInt(5) == 0 ? 2 + r.nextInt(3) : 1;
        choice = BackendChoice.values()[r.nextInt(BackendChoice.values().length)];
      }
      if (!profile.allowsResolver(b) || (required != null && !required.test(b))) {
        continue;
      }
      String forwardTo = null;
      if (!earlier.isEmpty() && r.nextInt(10) < (forwarderPreset ? 7 : 3)) {
        forwardTo = earlier.get(r.nextInt(earlier.size())).name();
      }
      int count = 1 + r.nextInt(backends > 1 ? 3 : 6);
      return new ResolverGroup(name, count).withBehaviour(b, origin).withBackends(backends, choice)
          .withForwardTo(forwardTo);
    }
    // Practically unreachable; still deterministic: the first preset the profile accepts.
    ResolverPreset p = Presets.RESOLVERS.stream()
        .filter(x -> profile.allowsResolver(x.behaviour()) && (required == null || required.test(x.behaviour())))
        .findFirst().orElseThrow();
    return new ResolverGroup(name, 1).withBehaviour(p.behaviour(), Origin.of(p.name())).withBackends(p.backends(), p.choice());
  }

  /** Explicit policies, each as the scenario loader can write it. */
  private static ResolverBehaviour randomResolverBehaviour(SplittableRandom r) {
    TtlClamps clamps = TtlClamps.NONE;
    if (r.nextBoolean()) {
      long minPositive = r.nextBoolean() ? 0 : 1 + r.nextInt(900);
      long maxPositive = r.nextBoolean() ? 86_400 : Math.max(minPositive, 10 + r.nextInt(600));
      long minNegative = r.nextInt(3) == 0 ? 1 + r.nextInt(300) : 0;
      long maxNegative = r.nextBoolean() ? 3_600 : Math.max(minNegative, 10 + r.nextInt(1_800));
      clamps = new TtlClamps(minPositive, maxPositive, minNegative, maxNegative);
    }
    ServeStale stale = ServeStale.OFF;
    if (r.nextInt(3) == 0) {
      long timeout = switch (r.nextInt(4)) {
        case 0 -> 1_800;
        case 1 -> ServeStale.CLIENT_TIMEOUT_OFF;
        default -> 0;
      };
      long replyTtlS = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(600);
      long maxStaleS = 1 + r.nextInt(r.nextBoolean() ? 600 : 86_400);
      long retryMs = r.nextInt(3) == 0 ? 1_000L * r.nextInt(60) : 0;
      stale = new ServeStale(true, replyTtlS, maxStaleS, timeout, retryMs, r.nextInt(4) == 0, r.nextBoolean());
    }
    Prefetch prefetch = Registry.PREFETCH.generate(r);
    boolean passOriginal = r.nextInt(8) == 0;
    int capacity = r.nextInt(5) == 0 ? 1 + r.nextInt(4) : 0;
    CacheClock clock = r.nextInt(4) == 0 ? CacheClock.WHOLE_SECOND : CacheClock.MILLISECOND;
    return new ResolverBehaviour(clamps, stale, prefetch, passOriginal, capacity, clock);
  }

  private static ClientGroup clientGroup(SplittableRandom r, String name, Profile profile,
      Predicate<ClientBehaviour> required, List<Question> questions, List<ResolverGroup> resolvers) {
    ClientBehaviour behaviour = null;
    Origin origin = null;
    for (int attempt = 0; attempt < 64 && behaviour == null; attempt++) {
      ClientBehaviour b;
      Origin o;
      if (r.nextInt(5) < 3) {
        ClientPreset p = Presets.CLIENTS.get(r.nextInt(Presets.CLIENTS.size()));
        b = p.behaviour();
        o = Origin.of(p.name());
      } else {
        b = randomClientBehaviour(r);
        o = Traits.clientOrigin(null, b);
      }
      if (profile.allowsClient(b) && (required == null || required.test(b))) {
        behaviour = b;
        origin = o;
      }
    }
    if (behaviour == null) {
      ClientPreset p = Presets.CLIENTS.stream()
          .filter(x -> profile.allowsClient(x.behaviour()) && (required == null || required.test(x.behaviour())))
          .findFirst().orElseThrow();
      behaviour = p.behaviour();
      origin = Origin.of(p.name());
    }
    int count = 5 + r.nextInt(100);
    double queriesPerSecond = (1 + r.nextInt(16)) / 240.0; // 0.25 to 4 per minute
    Map<String, Double> shares = new LinkedHashMap<>();
    if (resolvers.size() > 1 && r.nextInt(5) < 2) {
      for (ResolverGroup g : resolvers) {
        if (r.nextBoolean()) {
          shares.put(g.name(), (double) (1 + r.nextInt(4)));
        }
      }
      if (shares.isEmpty()) {
        shares.put(resolvers.get(r.nextInt(resolvers.size())).name(), 1.0);
      }
    }
    List<WeightedQuestion> asked = new ArrayList<>();
    for (Question q : questions) {
      if (r.nextBoolean()) {
        asked.add(new WeightedQuestion(q, 1 + r.nextInt(3)));
      }
    }
    if (asked.isEmpty()) {
      asked.add(new WeightedQuestion(questions.get(r.nextInt(questions.size())), 1));
    }
    return new ClientGroup(name, count, queriesPerSecond, shares, asked).withBehaviour(behaviour, origin);
  }

  private static ClientBehaviour randomClientBehaviour(SplittableRandom r) {
    ClientCache cache = Registry.CLIENT_CACHE.generate(r);
    long connectionMeanMs = r.nextInt(4) == 0 ? 1_000L * (1 + r.nextInt(300)) : 0;
    return new ClientBehaviour(cache, connectionMeanMs, r.nextBoolean());
  }

  static Name name(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static DnsRecord a(String owner, String ip, long ttl, boolean proxied, Category category) {
    return new DnsRecord(new ARecord(name(owner), DClass.IN, ttl, address(ip, Address.IPv4)), proxied, category,
        false);
  }

  private static DnsRecord aaaa(String owner, String ip, long ttl, boolean proxied, Category category) {
    return new DnsRecord(new AAAARecord(name(owner), DClass.IN, ttl, address(ip, Address.IPv6)), proxied, category,
        false);
  }

  private static DnsRecord cname(String owner, String target, long ttl, boolean proxied, boolean flatten) {
    return new DnsRecord(new CNAMERecord(name(owner), DClass.IN, ttl, name(target)), proxied, Category.REGULAR,
        flatten);
  }

  private static InetAddress address(String literal, int family) {
    try {
      return Address.getByAddress(literal, family);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
