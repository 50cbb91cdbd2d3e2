package dev.dnsflip.presets;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.CacheClock;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.List;
import java.util.Optional;

/**
 * Every preset, in one place (as Caffeine's simulator lists its policies): scenarios pick them by
 * name. Values are the defaults of the named version; sources are the rows of
 * shared/docs/FACTS-resolvers.md and the documents they cite. "Assumption" marks what no source
 * settles.
 */
public final class Presets {
  /** dnsmasq(8) 2.90, -c/--cache-size: "The default is 150 names." */
  private static final int DNSMASQ_CACHE_SIZE = 150;

  private static final long DAY = 86_400;
  /** "No limit" for stale data, as a number of seconds: ten years. */
  private static final long UNLIMITED = 10 * 365 * DAY;
  /**
   * Why the Unbound presets keep whole seconds ({@link CacheClock#WHOLE_SECOND}): the lab and the
   * source. Shared by every such preset's source, so a listing may state it once.
   */
  public static final String WHOLE_SECOND_NOTE = "whole-second cache clock: measured against 1.17.1 in the "
      + "lab (UnboundPresetTest: an entry lives to the end of second floor(stored) + TTL, answered with TTL 0 in "
      + "that second) and in NLnetLabs/unbound's source (util/data/msgreply.c reply_info_set_ttls: expiry = now + "
      + "TTL in whole seconds; daemon/worker.c answer_from_cache: expired only when rep->ttl < timenow; "
      + "services/cache/dns.c tomsg: passes on r->ttl - now, dns_cache_store_msg: a TTL 0 message is not cached)";
  private static final String WHOLE_SECOND_SOURCE = "; " + WHOLE_SECOND_NOTE;

  public static final List<ResolverPreset> RESOLVERS = List.of(
      new ResolverPreset("ttl-honouring", "any", "-",
          "RFC 1035/2181: an answer may be cached for at most its TTL; this cache keeps exactly that",
          ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, false),
      new ResolverPreset("unbound-1.17", "Unbound", "1.17.1 (Debian 12)",
          "unbound.conf(5) 1.17.1: cache-min-ttl 0, cache-max-ttl 86400, cache-max-negative-ttl 3600, prefetch no, "
              + "serve-expired no" + WHOLE_SECOND_SOURCE,
          new ResolverBehaviour(new TtlClamps(0, DAY, 0, 3600), ServeStale.OFF, Prefetch.NONE, false, 0,
              CacheClock.WHOLE_SECOND),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("unbound-1.17-serve-expired", "Unbound", "1.17.1 (Debian 12)",
          "unbound.conf(5) 1.17.1 with serve-expired yes: serve-expired-ttl 0 (no limit), serve-expired-reply-ttl 30, "
              + "serve-expired-client-timeout 0 (answer stale at once, then refresh); whether 1.17 caps the reply TTL "
              + "by the original TTL is unconfirmed: not capped here" + WHOLE_SECOND_SOURCE,
          new ResolverBehaviour(new TtlClamps(0, DAY, 0, 3600), new ServeStale(true, 30, UNLIMITED, 0, 0, false, false),
              Prefetch.NONE, false, 0, CacheClock.WHOLE_SECOND),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("unbound-1.23-serve-expired", "Unbound", "1.23.0",
          "unbound.conf(5) 1.23: serve-expired yes, serve-expired-ttl 86400, serve-expired-reply-ttl 30 (capped by the "
              + "original TTL), serve-expired-client-timeout 1800 ms" + WHOLE_SECOND_SOURCE
              + " (the lab ran 1.17.1; the comparisons cited are those of the current source)",
          new ResolverBehaviour(new TtlClamps(0, DAY, 0, 3600), new ServeStale(true, 30, DAY, 1800, 0, false, true),
              Prefetch.NONE, false, 0, CacheClock.WHOLE_SECOND),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("unbound-1.17-prefetch", "Unbound", "1.17.1 (Debian 12)",
          "unbound.conf(5) 1.17.1 with prefetch yes: a hit in the last 10% of the original TTL refreshes (whole "
              + "seconds: util/data/msgreply.h PREFETCH_TTL_CALC(ttl) = ttl - ttl/10 from the store)" + WHOLE_SECOND_SOURCE,
          new ResolverBehaviour(new TtlClamps(0, DAY, 0, 3600), ServeStale.OFF, new Prefetch.Unbound(), false, 0,
              CacheClock.WHOLE_SECOND),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("bind-9.18", "BIND 9", "9.18",
          "BIND 9.18 ARM: max-cache-ttl 604800, min-cache-ttl 0, max-ncache-ttl 10800, prefetch 2 9, "
              + "stale-answer-enable no",
          new ResolverBehaviour(new TtlClamps(0, 604_800, 0, 10_800), ServeStale.OFF, new Prefetch.Bind(2, 9), false),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("bind-9.18-serve-stale", "BIND 9", "9.18",
          "BIND 9.18 ARM with stale-answer-enable yes, stale-cache-enable yes: stale-answer-ttl 30, max-stale-ttl 1 day, "
              + "stale-refresh-time 30, stale-answer-client-timeout off (stale only after a failed refresh)",
          new ResolverBehaviour(new TtlClamps(0, 604_800, 0, 10_800), new ServeStale(true, 30, DAY, ServeStale.CLIENT_TIMEOUT_OFF, 30_000, false, false),
              new Prefetch.Bind(2, 9), false),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("knot-resolver-5.6", "Knot Resolver", "5.6",
          "Knot Resolver 5.6 docs: cache.min_ttl 5 s, cache.max_ttl 1 day; prefetch and serve_stale modules off; "
              + "whole-second cache clock: measured against 5.6.0 in the lab (KnotPresetTest: an entry lives to the "
              + "end of second floor(stored) + TTL, positive and negative answers floored to 5 s) and in "
              + "CZ-NIC/knot-resolver's source (lib/cache/api.c get_new_ttl: entry->ttl - (now - entry->time) in "
              + "whole seconds, served while >= 0); kresd hands clients the authority's TTL less the age, not the "
              + "floored one (a finding, not modelled: a TTL below 5 s reaches clients up to 5 s lower)",
          new ResolverBehaviour(new TtlClamps(5, DAY, 5, DAY), ServeStale.OFF, Prefetch.NONE, false, 0,
              CacheClock.WHOLE_SECOND),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("pdns-recursor-4.8", "PowerDNS Recursor", "4.8",
          "PowerDNS Recursor 4.8 settings: max-cache-ttl 86400, minimum-ttl-override 1, max-negative-ttl 3600, "
              + "refresh-on-ttl-perc 0, serve-stale-extensions 0; measured against 4.8.8 in the lab (PdnsPresetTest): "
              + "TTLs, the floor, NODATA caching and the switch agree; its whole-second clock drops an entry as it "
              + "reaches second floor(stored) + TTL, up to 1 s before this millisecond model (as BIND and dnsmasq)",
          new ResolverBehaviour(new TtlClamps(1, DAY, 1, 3600), ServeStale.OFF, Prefetch.NONE, false),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("pdns-recursor-4.8-refresh", "PowerDNS Recursor", "4.8",
          "PowerDNS Recursor 4.8 with refresh-on-ttl-perc 10 (a typical setting)",
          new ResolverBehaviour(new TtlClamps(1, DAY, 1, 3600), ServeStale.OFF, new Prefetch.Pdns(10), false),
          1, BackendChoice.RANDOM, false),
      new ResolverPreset("dnsmasq-2.90", "dnsmasq", "2.90",
          "dnsmasq(8) 2.90 as a caching forwarder: min-cache-ttl 0, no max-cache-ttl, use-stale-cache off; "
              + "forwards the remaining (decremented) TTL; cache-size default 150 (taken as 150 RRsets, least "
              + "recently used evicted first; measured against 2.90 in the lab, DnsmasqCacheSizeTest: the 151st "
              + "single-address name evicts the first, but dnsmasq counts records, so a proxied name's two anycast "
              + "addresses take two entries and 76 proxied names evict the first)",
          ResolverBehaviour.TTL_HONOURING.withCapacity(DNSMASQ_CACHE_SIZE), 1, BackendChoice.RANDOM, true),
      new ResolverPreset("dnsmasq-2.90-use-stale-cache", "dnsmasq", "2.90",
          "dnsmasq(8) 2.90 with use-stale-cache: expired data answered at once with TTL 0 and refreshed, up to 86400 s; "
              + "cache-size default 150",
          new ResolverBehaviour(TtlClamps.NONE, new ServeStale(true, 0, DAY, 0, 0, false, false), Prefetch.NONE, false,
              DNSMASQ_CACHE_SIZE),
          1, BackendChoice.RANDOM, true),
      new ResolverPreset("systemd-resolved", "systemd-resolved", "252 (Debian 12)",
          "systemd 252 src/resolve/resolved-dns-cache.c: CACHE_TTL_MAX_USEC 2 h (every TTL capped at 2 h), CACHE_MAX "
              + "4096 entries, zero-TTL answers not cached; no serve-stale (resolved.conf StaleRetentionSec= came later "
              + "and defaults to 0); a local caching stub forwarding to the network's resolver",
          new ResolverBehaviour(new TtlClamps(0, 7200, 0, 7200), ServeStale.OFF, Prefetch.NONE, false, 4096),
          1, BackendChoice.RANDOM, true),
      new ResolverPreset("public-farm", "public anycast resolver", "-",
          "Google Public DNS, 1.1.1.1 and Quad9 run many independent caches per site behind load balancers "
              + "(architecture widely described; the per-operator split is unconfirmed: assumption 8 caches, random)",
          ResolverBehaviour.TTL_HONOURING, 8, BackendChoice.RANDOM, false),
      new ResolverPreset("isp-floor-3600", "ISP resolver", "-",
          "Assumption (what-if): an ISP resolver that raises every positive TTL to at least 3600 s, as a min-cache-ttl "
              + "or equivalent would",
          new ResolverBehaviour(new TtlClamps(3600, DAY, 0, 3600), ServeStale.OFF, Prefetch.NONE, false),
          1, BackendChoice.RANDOM, false),
      // The internet mix drawn from field measurements (docs/POPULATION.md has every source).
      floor(30), floor(60), floor(300), floor(900),
      new ResolverPreset("unbound-1.17-pool-4", "Unbound", "1.17.1 (Debian 12)",
          "An ISP pool: four unbound-1.17 caches behind one address, each query to one of them uniformly: pools "
              + "of resolvers that share a platform without sharing a cache, balancing uniformly among members, are "
              + "common (Al-Dalky and Schomp, PAM 2018, abstract); the pool size 4 is an assumption" + WHOLE_SECOND_SOURCE,
          new ResolverBehaviour(new TtlClamps(0, DAY, 0, 3600), ServeStale.OFF, Prefetch.NONE, false, 0,
              CacheClock.WHOLE_SECOND),
          4, BackendChoice.RANDOM, false),
      publicFarmCapped(3600, "OpenDNS-like: a TTL of 86400 s was seen as 3600 s"),
      publicFarmCapped(21_600, "Google Public DNS-like: a TTL of 86400 s was seen as 21600 s"),
      publicFarmCapped(43_200, "Quad9-like: a TTL of 86400 s was seen as 43200 s"));

  public static final List<ClientPreset> CLIENTS = List.of(
      new ClientPreset("go", "Go net package", "1.22", "Go net: no DNS cache of its own", ClientBehaviour.PLAIN),
      new ClientPreset("jvm", "Java InetAddress", "17",
          "java.security networkaddress.cache.ttl 30 s (no security manager) whatever the TTL; "
              + "networkaddress.cache.negative.ttl 10 s",
          new ClientBehaviour(new ClientCache.Fixed(30, 10), 0, false)),
      new ClientPreset("curl", "libcurl", "8.x", "CURLOPT_DNS_CACHE_TIMEOUT default 60 s, fixed",
          new ClientBehaviour(new ClientCache.Fixed(60, 60), 0, false)),
      new ClientPreset("chrome", "Chrome", "120+",
          "Chromium host cache: built-in resolver keeps max(TTL, 60 s); dual-stack (Happy Eyeballs: AAAA when present)",
          new ClientBehaviour(new ClientCache.AtLeast(60), 0, true)),
      new ClientPreset("chrome-os-resolver", "Chrome", "120+",
          "Chromium host cache: results of the OS resolver (no TTL) are kept a fixed 60 s",
          new ClientBehaviour(new ClientCache.Fixed(60, 60), 0, true)),
      new ClientPreset("firefox", "Firefox", "120+",
          "Firefox network.dnsCacheExpiration 60 s when the OS gives no TTL, network.dnsCacheExpirationGracePeriod 60 s",
          new ClientBehaviour(new ClientCache.Grace(60, 60), 0, true)),
      new ClientPreset("browser-keepalive", "Chrome", "120+",
          "Chrome's cache (max(TTL, 60 s)) plus HTTP keep-alive/HTTP2 connections that keep their address; "
              + "assumption, set by the internet-mix calibration: connection lifetimes exponential with mean 2 min",
          new ClientBehaviour(new ClientCache.AtLeast(60), 120_000, true)),
      new ClientPreset("systemd-resolved-stub", "systemd-resolved", "252 (Debian 12)",
          "resolved.conf(5): honours the TTL up to 2 h", new ClientBehaviour(new ClientCache.TtlHonouring(7200, 7200), 0, false)),
      new ClientPreset("windows", "Windows DNS client", "10/11",
          "MaxCacheTtl 86400, MaxNegativeCacheTtl 900 (secondary source)",
          new ClientBehaviour(new ClientCache.TtlHonouring(86_400, 900), 0, false)),
      new ClientPreset("plain", "-", "-", "no cache, a new connection per use, single stack", ClientBehaviour.PLAIN));

  private Presets() {}

  /**
   * An ISP resolver that keeps every positive answer at least {@code seconds}: Bhowmick et al. (PAM
   * 2023) find 8.74% of 8,524 resolvers extending TTLs of 1 to 60 s; how far is not published, so
   * the mix spreads them over several floors (RFC 9199 section 3.5.1: "minimum caching times of tens
   * of seconds").
   */
  private static ResolverPreset floor(long seconds) {
    return new ResolverPreset("isp-floor-" + seconds, "ISP resolver", "-",
        "Assumption (field-measured share, unmeasured value): an ISP resolver that raises every positive TTL to at "
            + "least " + seconds + " s, as a min-cache-ttl or equivalent would; Bhowmick et al., TTL Violation of DNS "
            + "Resolvers in the Wild, PAM 2023: 8.74% of resolvers extend TTLs of 1-60 s",
        new ResolverBehaviour(new TtlClamps(seconds, DAY, 0, 3600), ServeStale.OFF, Prefetch.NONE, false),
        1, BackendChoice.RANDOM, false);
  }

  /** A public anycast farm as {@code public-farm} whose caches cap every TTL at {@code cap} seconds. */
  private static ResolverPreset publicFarmCapped(long cap, String observed) {
    return new ResolverPreset("public-farm-cap-" + cap, "public anycast resolver", "-",
        "public-farm (8 caches, random backend: assumption) with a maximum TTL of " + cap + " s; " + observed
            + " (nullrouted.space, DNS TTL Limits at Public DNS Resolvers, March 2023: one observation per service)",
        new ResolverBehaviour(new TtlClamps(0, cap, 0, cap), ServeStale.OFF, Prefetch.NONE, false),
        8, BackendChoice.RANDOM, false);
  }

  public static Optional<ResolverPreset> resolver(String name) {
    return RESOLVERS.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public static Optional<ClientPreset> client(String name) {
    return CLIENTS.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
