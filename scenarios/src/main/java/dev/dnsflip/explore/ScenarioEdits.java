package dev.dnsflip.explore;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
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
import dev.dnsflip.simulation.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;

/**
 * The one-step simplifications of a scenario the shrinker tries, by dimension, most aggressive
 * first. Each candidate is a valid scenario or is left out: an edit that breaks the account (a
 * CNAME whose target was removed) or the population (a client group left without a resolver
 * share) yields nothing.
 */
public final class ScenarioEdits {
  /** A simpler scenario and what was simplified. */
  public record Candidate(Dimension dimension, String change, Scenario scenario) {}

  /** What a candidate simplifies; the shrinker works through them in this order. */
  public enum Dimension {
    RUN_SETTINGS("replications, initial cache, bucket"),
    SWITCH_EVENTS("fewer switch events"),
    SWITCH_TIMES("switch events earlier, by whole seconds, towards the previous one"),
    RESOLVER_GROUPS("fewer resolver groups"),
    CLIENT_GROUPS("fewer client groups"),
    QUESTIONS("fewer questions"),
    RECORDS("fewer and plainer records"),
    RESOLVER_BEHAVIOUR("presets and policies replaced by plain TTL-honouring ones"),
    CLIENT_BEHAVIOUR("clients made plain"),
    COUNTS("smaller counts"),
    PROPAGATION("zero propagation, fewer nameservers"),
    DURATION("shorter duration");

    private final String description;

    Dimension(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private ScenarioEdits() {}

  /** Every candidate of one dimension, in the order they are tried. */
  public static List<Candidate> candidates(Scenario s, Dimension d) {
    List<Candidate> out = new ArrayList<>();
    switch (d) {
      case RUN_SETTINGS -> runSettings(s, out);
      case SWITCH_EVENTS -> switchEvents(s, out);
      case SWITCH_TIMES -> switchTimes(s, out);
      case RESOLVER_GROUPS -> resolverGroups(s, out);
      case CLIENT_GROUPS -> clientGroups(s, out);
      case QUESTIONS -> questions(s, out);
      case RECORDS -> records(s, out);
      case RESOLVER_BEHAVIOUR -> resolverBehaviour(s, out);
      case CLIENT_BEHAVIOUR -> clientBehaviour(s, out);
      case COUNTS -> counts(s, out);
      case PROPAGATION -> propagation(s, out);
      case DURATION -> duration(s, out);
    }
    return out;
  }

  /** Every candidate of every dimension. */
  public static List<Candidate> candidates(Scenario s) {
    return candidates(s, List.of(Dimension.values()));
  }

  /** Every candidate of the given dimensions, in their order. */
  public static List<Candidate> candidates(Scenario s, List<Dimension> dimensions) {
    List<Candidate> out = new ArrayList<>();
    for (Dimension d : dimensions) {
      out.addAll(candidates(s, d));
    }
    return out;
  }

  /**
   * Whether the simulator accepts the scenario: the account answers every question (no CNAME
   * leaving every zone) and every client group has a resolver share.
   */
  public static boolean valid(Scenario s) {
    try {
      new Simulation(s, 1).table();
    } catch (ModelRuleException e) {
      return false; // e.g. a CNAME chain that now leaves every zone
    }
    for (ClientGroup c : s.clientGroups()) {
      if (s.resolverGroups().stream().noneMatch(g -> StaleBounds.serves(c, g))) {
        return false;
      }
      for (String name : c.resolverShares().keySet()) {
        if (s.resolverGroups().stream().noneMatch(g -> g.name().equals(name))) {
          return false;
        }
      }
    }
    return true;
  }

  private static void runSettings(Scenario s, List<Candidate> out) {
    if (s.replications() > 1) {
      add(out, Dimension.RUN_SETTINGS, "1 replication", s, x -> x.replications = 1);
    }
    if (!s.initialCache().equals(InitialCache.STEADY)) {
      add(out, Dimension.RUN_SETTINGS, "steady initial cache", s, x -> x.initialCache = InitialCache.STEADY);
    }
    if (s.bucketMs() != 5_000) {
      add(out, Dimension.RUN_SETTINGS, "bucket 5s", s, x -> x.bucketMs = 5_000);
    }
  }

  private static void switchEvents(Scenario s, List<Candidate> out) {
    List<SwitchEvent> events = s.schedule().events();
    int n = events.size();
    if (n < 2) {
      return;
    }
    for (int k = 0; k < n; k++) {
      int keep = k;
      add(out, Dimension.SWITCH_EVENTS, "only switch event " + k, s, x -> {
        x.initiallyEnabled = StaleBounds.settingBefore(s, keep);
        x.events = List.of(events.get(keep));
      });
    }
    add(out, Dimension.SWITCH_EVENTS, "without the last switch event", s, x -> x.events = events.subList(0, n - 1));
    add(out, Dimension.SWITCH_EVENTS, "without the first switch event", s, x -> {
      x.initiallyEnabled = events.get(0).direction().settingAfter();
      x.events = events.subList(1, n);
    });
    for (int i = 0; i + 1 < n; i++) {
      int from = i;
      add(out, Dimension.SWITCH_EVENTS, "without switch events " + i + " and " + (i + 1), s, x -> {
        List<SwitchEvent> rest = new ArrayList<>(events.subList(0, from));
        rest.addAll(events.subList(from + 2, n));
        x.events = rest;
      });
    }
  }

  /**
   * Numeric shrinking of switch times: each event moved earlier by half, a quarter, ... of its
   * distance to the previous event (or to the run's start), down to one second, whole seconds
   * only. The shrinker takes the largest move that still fails and tries again, so an event ends
   * at the earliest second that fails with the one before it passing: a boundary, to the second.
   */
  private static void switchTimes(Scenario s, List<Candidate> out) {
    List<SwitchEvent> events = s.schedule().events();
    for (int k = 0; k < events.size(); k++) {
      long t = events.get(k).atMs();
      long floor = k == 0 ? 0 : events.get(k - 1).atMs();
      long distance = (t - floor) / 1_000 * 1_000;
      Set<Long> moves = new LinkedHashSet<>();
      for (long d = distance / 2; d >= 1_000; d /= 2) {
        moves.add(d / 1_000 * 1_000);
      }
      moves.add(1_000L);
      int index = k;
      for (long d : moves) {
        if (t - d <= floor) {
          continue;
        }
        add(out, Dimension.SWITCH_TIMES, "switch " + (k + 1) + " at " + (t - d) + " ms", s, x -> {
          List<SwitchEvent> moved = new ArrayList<>(events);
          moved.set(index, new SwitchEvent(t - d, events.get(index).direction()));
          x.events = moved;
        });
      }
    }
  }

  private static void resolverGroups(Scenario s, List<Candidate> out) {
    List<ResolverGroup> groups = s.resolverGroups();
    if (groups.size() < 2) {
      return;
    }
    for (ResolverGroup keep : groups) {
      add(out, Dimension.RESOLVER_GROUPS, "only resolver group " + keep.name(), s, x -> {
        x.resolvers = List.of(keep.withForwardTo(null));
        x.clients = x.clients.stream().map(c -> c.withResolverShares(Map.of())).toList();
      });
    }
    for (ResolverGroup drop : groups) {
      add(out, Dimension.RESOLVER_GROUPS, "without resolver group " + drop.name(), s, x -> {
        List<ResolverGroup> rest = new ArrayList<>();
        for (ResolverGroup g : groups) {
          if (g != drop) {
            rest.add(drop.name().equals(g.forwardTo()) ? g.withForwardTo(drop.forwardTo()) : g);
          }
        }
        x.resolvers = rest;
        x.clients = x.clients.stream().map(c -> {
          Map<String, Double> shares = new LinkedHashMap<>(c.resolverShares());
          shares.remove(drop.name());
          return c.withResolverShares(shares);
        }).toList();
      });
    }
  }

  private static void clientGroups(Scenario s, List<Candidate> out) {
    List<ClientGroup> groups = s.clientGroups();
    if (groups.size() < 2) {
      return;
    }
    for (ClientGroup keep : groups) {
      add(out, Dimension.CLIENT_GROUPS, "only client group " + keep.name(), s, x -> x.clients = List.of(keep));
    }
    for (ClientGroup drop : groups) {
      add(out, Dimension.CLIENT_GROUPS, "without client group " + drop.name(), s,
          x -> x.clients = groups.stream().filter(g -> g != drop).toList());
    }
  }

  private static void questions(Scenario s, List<Candidate> out) {
    for (int g = 0; g < s.clientGroups().size(); g++) {
      ClientGroup c = s.clientGroups().get(g);
      if (c.questions().size() < 2) {
        continue;
      }
      for (WeightedQuestion keep : c.questions()) {
        add(out, Dimension.QUESTIONS, c.name() + " asks only " + keep.question(), s,
            x -> x.replaceClient(c, c.withQuestions(List.of(keep))));
      }
      for (WeightedQuestion drop : c.questions()) {
        add(out, Dimension.QUESTIONS, c.name() + " without " + drop.question(), s,
            x -> x.replaceClient(c, c.withQuestions(c.questions().stream().filter(q -> q != drop).toList())));
      }
    }
    for (ClientGroup c : s.clientGroups()) {
      if (c.questions().stream().anyMatch(q -> q.weight() != 1.0)) {
        add(out, Dimension.QUESTIONS, c.name() + " weighs its questions alike", s, x -> x.replaceClient(c,
            c.withQuestions(c.questions().stream().map(q -> new WeightedQuestion(q.question(), 1.0)).toList())));
      }
    }
  }

  private static void records(Scenario s, List<Candidate> out) {
    Set<Name> reachable = reachableNames(s);
    boolean unreachable = allZones(s.account()).stream().flatMap(z -> z.records().stream())
        .anyMatch(r -> !reachable.contains(r.record().getName()));
    if (unreachable || s.account().externalZones().stream().anyMatch(z -> z.records().isEmpty())) {
      add(out, Dimension.RECORDS, "without records no question reaches", s,
          x -> x.account = mapRecords(x.account, r -> reachable.contains(r.record().getName()) ? r : null));
    }
    for (Zone z : allZones(s.account())) {
      for (DnsRecord r : z.records()) {
        add(out, Dimension.RECORDS, "without " + show(r), s, x -> x.account = mapRecords(x.account, o -> o == r ? null : o));
      }
    }
    for (Zone z : allZones(s.account())) {
      for (DnsRecord r : z.records()) {
        if (r.category() != Category.REGULAR) {
          add(out, Dimension.RECORDS, show(r) + " regular", s, x -> x.account = mapRecords(x.account,
              o -> o == r ? r.withCategory(Category.REGULAR) : o));
        }
        if (r.flatten()) {
          add(out, Dimension.RECORDS, show(r) + " not flattened", s, x -> x.account = mapRecords(x.account,
              o -> o == r ? r.withFlatten(false) : o));
        }
      }
    }
    if (!s.account().settings().equals(SwitchSettings.DEFAULTS)) {
      add(out, Dimension.RECORDS, "default switch settings", s,
          x -> x.account = x.account.withSettings(SwitchSettings.DEFAULTS));
    }
  }

  private static void resolverBehaviour(Scenario s, List<Candidate> out) {
    for (ResolverGroup g : s.resolverGroups()) {
      ResolverBehaviour b = g.behaviour();
      if (!b.equals(ResolverBehaviour.TTL_HONOURING) || g.backends() > 1
          || !g.origin().equals(ResolverGroup.TTL_HONOURING_ORIGIN)) {
        add(out, Dimension.RESOLVER_BEHAVIOUR, g.name() + " plain ttl-honouring", s, x -> x.replaceResolver(g,
            g.withBehaviour(ResolverBehaviour.TTL_HONOURING, ResolverGroup.TTL_HONOURING_ORIGIN).withBackends(1, BackendChoice.RANDOM)));
      }
      if (g.isForwarder()) {
        add(out, Dimension.RESOLVER_BEHAVIOUR, g.name() + " asks the authority", s,
            x -> x.replaceResolver(g, g.withForwardTo(null)));
      }
      if (g.backends() > 1) {
        add(out, Dimension.RESOLVER_BEHAVIOUR, g.name() + " one backend", s, x -> x.replaceResolver(g,
            g.withBackends(1, BackendChoice.RANDOM)));
      }
      if (g.choice() != BackendChoice.RANDOM) {
        add(out, Dimension.RESOLVER_BEHAVIOUR, g.name() + " random backend", s, x -> x.replaceResolver(g,
            g.withBackends(g.backends(), BackendChoice.RANDOM)));
      }
      behaviour(out, s, g, "no serve-stale", b.serveStale().enabled(), b.withServeStale(ServeStale.OFF));
      for (Prefetch simpler : Registry.PREFETCH.kindOf(b.prefetch()).shrink(b.prefetch())) {
        behaviour(out, s, g, change("prefetch", Registry.PREFETCH.write(simpler)), true, b.withPrefetch(simpler));
      }
      behaviour(out, s, g, "unlimited capacity", b.capacity() > 0, b.withCapacity(0));
      behaviour(out, s, g, "remaining TTL passed on", b.passOriginalTtl(), b.withPassOriginalTtl(false));
      behaviour(out, s, g, "millisecond clock", b.wholeSecondClock(), b.withClock(CacheClock.MILLISECOND));
      behaviour(out, s, g, "no clamps", !b.clamps().equals(TtlClamps.NONE), b.withClamps(TtlClamps.NONE));
      TtlClamps c = b.clamps();
      TtlClamps floorsOnly = new TtlClamps(c.minPositiveS(), TtlClamps.NONE.maxPositiveS(), c.minNegativeS(),
          TtlClamps.NONE.maxNegativeS());
      behaviour(out, s, g, "no caps", !c.equals(floorsOnly), b.withClamps(floorsOnly));
      if (c.minNegativeS() > 0 && c.minPositiveS() > 0) {
        behaviour(out, s, g, "no negative floor", true,
            b.withClamps(new TtlClamps(c.minPositiveS(), c.maxPositiveS(), 0, c.maxNegativeS())));
        behaviour(out, s, g, "no positive floor", true,
            b.withClamps(new TtlClamps(0, c.maxPositiveS(), c.minNegativeS(), c.maxNegativeS())));
      }
    }
  }

  private static void behaviour(List<Candidate> out, Scenario s, ResolverGroup g, String change, boolean applies,
      ResolverBehaviour b) {
    if (!applies || b.equals(g.behaviour())) {
      return;
    }
    add(out, Dimension.RESOLVER_BEHAVIOUR, g.name() + " " + change, s,
        x -> x.replaceResolver(g, g.withBehaviour(b, Traits.resolverOriginAfter(g.origin(), b))));
  }

  /** "no prefetch" for a policy that is off, "prefetch unbound" for another simpler one. */
  private static String change(String family, String written) {
    return written.equals("off") || written.equals("none") ? "no " + family : family + " " + written;
  }

  private static void clientBehaviour(Scenario s, List<Candidate> out) {
    for (ClientGroup c : s.clientGroups()) {
      ClientBehaviour b = c.behaviour();
      if (!b.equals(ClientBehaviour.PLAIN) || !c.origin().equals(ClientGroup.PLAIN_ORIGIN)) {
        add(out, Dimension.CLIENT_BEHAVIOUR, c.name() + " plain", s,
            x -> x.replaceClient(c, c.withBehaviour(ClientBehaviour.PLAIN, ClientGroup.PLAIN_ORIGIN)));
      }
      client(out, s, c, "no connection reuse", b.withConnectionMeanMs(0));
      client(out, s, c, "single stack", b.withDualStack(false));
      for (ClientCache simpler : Registry.CLIENT_CACHE.kindOf(b.cache()).shrink(b.cache())) {
        client(out, s, c, change("cache", Registry.CLIENT_CACHE.write(simpler)), b.withCache(simpler));
      }
      if (!c.resolverShares().isEmpty()) {
        add(out, Dimension.CLIENT_BEHAVIOUR, c.name() + " spread over all resolver groups", s,
            x -> x.replaceClient(c, c.withResolverShares(Map.of())));
      }
    }
  }

  private static void client(List<Candidate> out, Scenario s, ClientGroup c, String change, ClientBehaviour b) {
    if (b.equals(c.behaviour())) {
      return;
    }
    add(out, Dimension.CLIENT_BEHAVIOUR, c.name() + " " + change, s,
        x -> x.replaceClient(c, c.withBehaviour(b, Traits.clientOriginAfter(c.origin(), b))));
  }

  private static void counts(Scenario s, List<Candidate> out) {
    for (ResolverGroup g : s.resolverGroups()) {
      for (int n : smaller(g.count())) {
        add(out, Dimension.COUNTS, g.name() + " count " + n, s, x -> x.replaceResolver(g, g.withCount(n)));
      }
      for (int n : smaller(g.backends())) {
        add(out, Dimension.COUNTS, g.name() + " backends " + n, s,
            x -> x.replaceResolver(g, g.withBackends(n, g.choice())));
      }
    }
    for (ClientGroup c : s.clientGroups()) {
      for (int n : smaller(c.count())) {
        add(out, Dimension.COUNTS, c.name() + " count " + n, s, x -> x.replaceClient(c, c.withCount(n)));
      }
    }
  }

  /** 1, half, one less: distinct and below n. */
  private static List<Integer> smaller(int n) {
    Set<Integer> values = new LinkedHashSet<>(List.of(1, n / 2, n - 1));
    return values.stream().filter(v -> v >= 1 && v < n).toList();
  }

  private static void propagation(Scenario s, List<Candidate> out) {
    Propagation p = s.propagation();
    if (!p.equals(new Propagation.Fixed(0))) {
      add(out, Dimension.PROPAGATION, "no propagation delay", s, x -> x.propagation = new Propagation.Fixed(0));
    }
    if (p instanceof Propagation.Uniform u) {
      add(out, Dimension.PROPAGATION, "fixed propagation " + u.minMs() + " ms", s,
          x -> x.propagation = new Propagation.Fixed(u.minMs()));
      add(out, Dimension.PROPAGATION, "fixed propagation " + u.maxMs() + " ms", s,
          x -> x.propagation = new Propagation.Fixed(u.maxMs()));
    }
    if (p instanceof Propagation.Fixed f && f.delayMs() > 1) {
      add(out, Dimension.PROPAGATION, "fixed propagation " + f.delayMs() / 2 + " ms", s,
          x -> x.propagation = new Propagation.Fixed(f.delayMs() / 2));
    }
    for (int n : smaller(s.nameservers())) {
      add(out, Dimension.PROPAGATION, n + " nameserver" + (n == 1 ? "" : "s"), s, x -> x.nameservers = n);
    }
  }

  private static void duration(Scenario s, List<Candidate> out) {
    List<SwitchEvent> events = s.schedule().events();
    long last = events.isEmpty() ? 0 : events.get(events.size() - 1).atMs();
    long tail = s.durationMs() - last;
    for (long t : new long[] {tail / 2, tail - tail / 4}) {
      if (t >= 1 && t < tail) {
        add(out, Dimension.DURATION, "duration " + (last + t) + " ms", s, x -> x.durationMs = last + t);
      }
    }
    if (!events.isEmpty() && events.get(0).atMs() > 1) {
      long shift = events.get(0).atMs() / 2;
      add(out, Dimension.DURATION, "every switch " + shift + " ms earlier", s, x -> {
        x.events = events.stream().map(e -> new SwitchEvent(e.atMs() - shift, e.direction())).toList();
        x.durationMs -= shift;
      });
    }
  }

  /** Names a client's question can reach: the questions and every CNAME target on the way. */
  static Set<Name> reachableNames(Scenario s) {
    Set<Name> reached = new LinkedHashSet<>();
    List<Name> todo = new ArrayList<>();
    for (ClientGroup c : s.clientGroups()) {
      for (WeightedQuestion q : c.questions()) {
        todo.add(q.question().name());
      }
    }
    while (!todo.isEmpty()) {
      Name n = todo.remove(todo.size() - 1);
      if (!reached.add(n)) {
        continue;
      }
      for (Zone z : allZones(s.account())) {
        for (DnsRecord r : z.records()) {
          if (r.record().getName().equals(n) && r.record() instanceof CNAMERecord c) {
            todo.add(c.getTarget());
          }
        }
      }
    }
    return reached;
  }

  private static List<Zone> allZones(Account a) {
    List<Zone> zones = new ArrayList<>(a.zones());
    zones.addAll(a.externalZones());
    return zones;
  }

  /** The account with each record mapped (null drops it); external zones left empty are dropped. */
  private static Account mapRecords(Account a, UnaryOperator<DnsRecord> f) {
    List<Zone> zones = a.zones().stream().map(z -> mapZone(z, f)).toList();
    List<Zone> external = a.externalZones().stream().map(z -> mapZone(z, f)).filter(z -> !z.records().isEmpty())
        .toList();
    return a.withZones(zones).withExternalZones(external);
  }

  private static Zone mapZone(Zone z, UnaryOperator<DnsRecord> f) {
    List<DnsRecord> records = new ArrayList<>();
    for (DnsRecord r : z.records()) {
      DnsRecord m = f.apply(r);
      if (m != null) {
        records.add(m);
      }
    }
    return z.withRecords(records);
  }

  private static String show(DnsRecord r) {
    return r.record().getName().toString(true) + " " + org.xbill.DNS.Type.string(r.type())
        + (r.proxied() ? " (proxied)" : "");
  }

  private static void add(List<Candidate> out, Dimension d, String change, Scenario s,
      java.util.function.Consumer<Draft> edit) {
    Draft draft = new Draft(s);
    Scenario candidate;
    try {
      edit.accept(draft);
      candidate = draft.build();
    } catch (ModelRuleException e) {
      return; // the edit breaks a rule of the model: not a candidate (any other exception is a bug)
    }
    // An outage must stay inside the run, as the loader requires of a written one.
    boolean outagesInside = candidate.outages().stream().allMatch(o -> o.toMs() <= candidate.durationMs());
    if (!candidate.equals(s) && outagesInside && valid(candidate)) {
      out.add(new Candidate(d, change, candidate));
    }
  }

  /** A mutable copy of a scenario's fields, for edits. */
  private static final class Draft {
    int replications;
    long durationMs;
    long bucketMs;
    InitialCache initialCache;
    Account account;
    int nameservers;
    Propagation propagation;
    boolean initiallyEnabled;
    List<SwitchEvent> events;
    List<ResolverGroup> resolvers;
    List<ClientGroup> clients;
    private final Scenario base;

    Draft(Scenario s) {
      base = s;
      replications = s.replications();
      durationMs = s.durationMs();
      bucketMs = s.bucketMs();
      initialCache = s.initialCache();
      account = s.account();
      nameservers = s.nameservers();
      propagation = s.propagation();
      initiallyEnabled = s.schedule().initiallyEnabled();
      events = s.schedule().events();
      resolvers = s.resolverGroups();
      clients = s.clientGroups();
    }

    void replaceResolver(ResolverGroup old, ResolverGroup now) {
      resolvers = resolvers.stream().map(g -> g == old ? now : g).toList();
    }

    void replaceClient(ClientGroup old, ClientGroup now) {
      clients = clients.stream().map(c -> c == old ? now : c).toList();
    }

    Scenario build() {
      return base.toBuilder()
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
  }
}
