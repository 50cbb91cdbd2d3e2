package dev.dnsflip.simulation;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.SwitchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs, immutable. Built by the scenario loader or by hand (tests, the
 * benchmark); validated here for what the types cannot say.
 *
 * @param durationMs observed time is [0, durationMs)
 * @param bucketMs resolution of the stale-share series after each switch event
 * @param nameservers authoritative nameservers the account's zones are served from
 * @param origins what the scenario states about origin addresses (capacity, certificate), for the
 *     readiness figures; origins it leaves out have no stated capacity and a trusted certificate
 * @param references published figures to draw beside the curves, per switch
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int replications,
    long durationMs,
    long bucketMs,
    InitialCache initialCache,
    Account account,
    int nameservers,
    Propagation propagation,
    SwitchSchedule schedule,
    List<ResolverGroup> resolverGroups,
    List<ClientGroup> clientGroups,
    List<Expectation> expectations,
    List<Outage> outages,
    List<OriginServer> origins,
    List<ReferenceMark> references) {

  /** A scenario without reference marks. */
  public Scenario(String name, String description, long seed, int replications, long durationMs, long bucketMs,
      InitialCache initialCache, Account account, int nameservers, Propagation propagation, SwitchSchedule schedule,
      List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups, List<Expectation> expectations,
      List<Outage> outages, List<OriginServer> origins) {
    this(name, description, seed, replications, durationMs, bucketMs, initialCache, account, nameservers,
        propagation, schedule, resolverGroups, clientGroups, expectations, outages, origins, List.of());
  }

  /** A scenario that states nothing about its origins. */
  public Scenario(String name, String description, long seed, int replications, long durationMs, long bucketMs,
      InitialCache initialCache, Account account, int nameservers, Propagation propagation, SwitchSchedule schedule,
      List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups, List<Expectation> expectations,
      List<Outage> outages) {
    this(name, description, seed, replications, durationMs, bucketMs, initialCache, account, nameservers,
        propagation, schedule, resolverGroups, clientGroups, expectations, outages, List.of());
  }

  /** A scenario without authoritative outages. */
  public Scenario(String name, String description, long seed, int replications, long durationMs, long bucketMs,
      InitialCache initialCache, Account account, int nameservers, Propagation propagation, SwitchSchedule schedule,
      List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups, List<Expectation> expectations) {
    this(name, description, seed, replications, durationMs, bucketMs, initialCache, account, nameservers,
        propagation, schedule, resolverGroups, clientGroups, expectations, List.of());
  }

  public Scenario {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(initialCache, "initialCache");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(propagation, "propagation");
    Objects.requireNonNull(schedule, "schedule");
    resolverGroups = List.copyOf(resolverGroups);
    clientGroups = List.copyOf(clientGroups);
    expectations = List.copyOf(expectations);
    outages = List.copyOf(outages);
    origins = List.copyOf(origins);
    references = List.copyOf(references);
    Problem.requireNone(originProblems(account, origins));
    for (ReferenceMark m : references) {
      if (m.index() >= schedule.events().size()) {
        throw new dev.dnsflip.authority.ModelRuleException("a reference mark names switch " + (m.index() + 1)
            + " of " + schedule.events().size());
      }
    }
    Problem.requireNone(problems(replications, durationMs, bucketMs, nameservers, schedule, resolverGroups,
        clientGroups));
    for (Outage o : outages) {
      for (int ns : o.nameservers()) {
        if (ns >= nameservers) {
          throw new ModelRuleException("an outage names nameserver " + (ns + 1) + " of " + nameservers);
        }
      }
    }
  }

  /** A builder with the defaults of a scenario file; name, account, resolvers and clients must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this scenario's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public Scenario withSeed(long newSeed) {
    return toBuilder().seed(newSeed).build();
  }

  public Scenario withReplications(int n) {
    return toBuilder().replications(n).build();
  }

  /**
   * Paths {@code origins[i].address}: each origin stated once, and only addresses some A or AAAA
   * record of the account or an external zone holds (a typo would otherwise state nothing).
   */
  public static List<Problem> originProblems(Account account, List<OriginServer> origins) {
    List<Problem> problems = new ArrayList<>();
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (List<dev.dnsflip.authority.Zone> zones : List.of(account.zones(), account.externalZones())) {
      for (dev.dnsflip.authority.Zone z : zones) {
        for (dev.dnsflip.authority.DnsRecord r : z.records()) {
          if (r.type() == org.xbill.DNS.Type.A || r.type() == org.xbill.DNS.Type.AAAA) {
            known.add(dev.dnsflip.authority.AddressText.of(r.record()));
          }
        }
      }
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < origins.size(); i++) {
      String a = origins.get(i).address();
      if (!seen.add(a)) {
        problems.add(new Problem("origins[" + i + "].address", "origin " + a + " is stated twice"));
      } else if (!known.contains(a)) {
        problems.add(new Problem("origins[" + i + "].address", a + " is in no A or AAAA record of the account or "
            + "an external zone; origins there: " + String.join(", ", known)));
      }
    }
    return problems;
  }

  /**
   * What a scenario with these values breaks, with model paths ({@code durationMs},
   * {@code schedule.events[1]}, {@code resolverGroups[2].forwardTo}). Nested models (the account,
   * each group) check themselves when built, so these are the rules between the parts.
   */
  static List<Problem> problems(int replications, long durationMs, long bucketMs, int nameservers,
      SwitchSchedule schedule, List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups) {
    List<Problem> problems = new ArrayList<>();
    if (replications < 1) {
      problems.add(new Problem("replications", "replications must be >= 1"));
    }
    if (durationMs <= 0) {
      problems.add(new Problem("durationMs", "duration must be > 0"));
    }
    if (bucketMs <= 0) {
      problems.add(new Problem("bucketMs", "bucket must be > 0"));
    }
    if (nameservers < 1) {
      problems.add(new Problem("nameservers", "nameservers must be >= 1"));
    }
    if (resolverGroups.isEmpty()) {
      problems.add(new Problem("resolverGroups", "a scenario needs resolvers and clients"));
    }
    if (clientGroups.isEmpty()) {
      problems.add(new Problem("clientGroups", "a scenario needs resolvers and clients"));
    }
    List<SwitchEvent> events = schedule.events();
    for (int i = 0; i < events.size(); i++) {
      long at = events.get(i).atMs();
      if (at <= 0 || at >= durationMs) {
        problems.add(new Problem("schedule.events[" + i + "]",
            "switch at " + at + " ms is outside the run (0, " + durationMs + " ms)"));
      }
    }
    forwarding(resolverGroups, problems);
    if (problems.isEmpty()) {
      ownNamesBehindLogic(resolverGroups, clientGroups, problems);
    }
    sizes(durationMs, bucketMs, resolverGroups, clientGroups, problems);
    return problems;
  }

  /** What a run could not hold: more clients, caches or buckets than {@link Limits} allow (summed in long). */
  private static void sizes(long durationMs, long bucketMs, List<ResolverGroup> resolverGroups,
      List<ClientGroup> clientGroups, List<Problem> problems) {
    if (durationMs > Limits.DURATION_MS.max()) {
      problems.add(new Problem("durationMs", Limits.DURATION_MS.refusal("the run lasts " + durationMs + " ms")));
    }
    if (durationMs > 0 && bucketMs > 0 && (durationMs - 1) / bucketMs + 1 > Limits.BUCKETS.max()) {
      problems.add(new Problem("bucketMs", Limits.BUCKETS.refusal(durationMs + " ms in buckets of " + bucketMs
          + " ms are " + ((durationMs - 1) / bucketMs + 1) + " buckets")));
    }
    long clients = 0;
    for (ClientGroup c : clientGroups) {
      clients += c.count();
    }
    if (clients > Limits.CLIENTS.max()) {
      problems.add(new Problem("clientGroups", Limits.CLIENTS.refusal("the client groups add up to " + clients
          + " clients")));
    }
    long caches = 0;
    for (ResolverGroup g : resolverGroups) {
      caches += (long) g.count() * g.backends();
    }
    if (caches > Limits.RESOLVER_CACHES.max()) {
      problems.add(new Problem("resolverGroups", Limits.RESOLVER_CACHES.refusal("the resolver groups add up to "
          + caches + " caches")));
    }
  }

  /**
   * The resolver SPI hands a logic questions, not clients, so it cannot keep a name of each client's
   * own apart: a group asking such names must not reach (directly or through forwarders) a group whose
   * caches run through it.
   */
  private static void ownNamesBehindLogic(List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups,
      List<Problem> problems) {
    for (int c = 0; c < clientGroups.size(); c++) {
      ClientGroup client = clientGroups.get(c);
      if (client.questions().stream().noneMatch(q -> q.question().perClient())) {
        continue;
      }
      for (ResolverGroup logic : reachedLogic(resolverGroups, client)) {
        problems.add(new Problem("clientGroups[" + c + "].questions", "client group '" + client.name()
            + "' asks names of each client's own, and its queries reach resolver group '" + logic.name()
            + "', whose caches run logic: " + logic.logic().name() + " (the resolver SPI is handed questions, not"
            + " clients, so it cannot keep each client's name apart); use the built-in cache there"));
        return;
      }
    }
  }

  /** The resolver groups running logic through the SPI that {@code client}'s queries reach. */
  public static List<ResolverGroup> reachedLogic(List<ResolverGroup> resolverGroups, ClientGroup client) {
    Map<String, ResolverGroup> byName = new HashMap<>();
    resolverGroups.forEach(r -> byName.put(r.name(), r));
    List<ResolverGroup> found = new ArrayList<>();
    for (ResolverGroup r : resolverGroups) {
      Double share = client.resolverShares().get(r.name());
      if (!client.resolverShares().isEmpty() && (share == null || share <= 0)) {
        continue;
      }
      ResolverGroup at = r;
      for (int hops = 0; at != null && hops <= resolverGroups.size(); hops++) { // chains are checked loop-free first
        if (at.logic() != null && !found.contains(at)) {
          found.add(at);
        }
        at = at.isForwarder() ? byName.get(at.forwardTo()) : null;
      }
    }
    return found;
  }

  /** Names are unique; every forwarder chain ends at a resolver that asks the authority. */
  private static void forwarding(List<ResolverGroup> groups, List<Problem> problems) {
    Map<String, ResolverGroup> byName = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      ResolverGroup r = groups.get(i);
      if (byName.putIfAbsent(r.name(), r) != null) {
        problems.add(new Problem("resolverGroups[" + i + "]", "duplicate resolver group '" + r.name() + "'"));
      }
    }
    for (int i = 0; i < groups.size(); i++) {
      ResolverGroup r = groups.get(i);
      if (r.isForwarder() && !byName.containsKey(r.forwardTo())) {
        problems.add(new Problem("resolverGroups[" + i + "].forwardTo",
            "resolver group '" + r.name() + "' forwards to unknown group '" + r.forwardTo() + "'"));
        continue;
      }
      ResolverGroup at = r;
      for (int hops = 0; at != null && at.isForwarder(); hops++) {
        if (hops > groups.size()) {
          problems.add(new Problem("resolverGroups[" + i + "].forwardTo",
              "resolver group '" + r.name() + "' forwards in a loop"));
          break;
        }
        at = byName.get(at.forwardTo());
      }
    }
  }

  /** Where switch event e's window ends: at the next switch, or at the run's end after the last one. */
  public long windowEndMs(int e) {
    List<SwitchEvent> events = schedule.events();
    return e + 1 < events.size() ? events.get(e + 1).atMs() : durationMs;
  }

  /** All clients; within an int, as {@link Limits#CLIENTS} holds. */
  public int clientCount() {
    return Math.toIntExact(clientGroups.stream().mapToLong(ClientGroup::count).sum());
  }

  /** All resolver addresses; within an int, as {@link Limits#RESOLVER_CACHES} holds. */
  public int resolverCount() {
    return Math.toIntExact(resolverGroups.stream().mapToLong(ResolverGroup::count).sum());
  }

  /**
   * Builds or rebuilds a scenario by name rather than by position. {@link #validate()} lists every
   * problem of the values so far; {@link #build()} refuses them.
   */
  public static final class Builder {
    private String name;
    private String description = "";
    private long seed = 1;
    private int replications = 1;
    private long durationMs;
    private long bucketMs = 5_000;
    private InitialCache initialCache = InitialCache.STEADY;
    private Account account;
    private int nameservers = 2;
    private Propagation propagation = Propagation.DEFAULT;
    private SwitchSchedule schedule = new SwitchSchedule(false, List.of());
    private List<ResolverGroup> resolverGroups = List.of();
    private List<ClientGroup> clientGroups = List.of();
    private List<Expectation> expectations = List.of();
    private List<Outage> outages = List.of();
    private List<OriginServer> origins = List.of();
    private List<ReferenceMark> references = List.of();

    private Builder() {}

    private Builder(Scenario s) {
      name = s.name;
      description = s.description;
      seed = s.seed;
      replications = s.replications;
      durationMs = s.durationMs;
      bucketMs = s.bucketMs;
      initialCache = s.initialCache;
      account = s.account;
      nameservers = s.nameservers;
      propagation = s.propagation;
      schedule = s.schedule;
      resolverGroups = s.resolverGroups;
      clientGroups = s.clientGroups;
      expectations = s.expectations;
      outages = s.outages;
      origins = s.origins;
      references = s.references;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder description(String value) {
      description = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder replications(int value) {
      replications = value;
      return this;
    }

    public Builder durationMs(long value) {
      durationMs = value;
      return this;
    }

    public Builder bucketMs(long value) {
      bucketMs = value;
      return this;
    }

    public Builder initialCache(InitialCache value) {
      initialCache = value;
      return this;
    }

    public Builder account(Account value) {
      account = value;
      return this;
    }

    public Builder nameservers(int value) {
      nameservers = value;
      return this;
    }

    public Builder propagation(Propagation value) {
      propagation = value;
      return this;
    }

    public Builder schedule(SwitchSchedule value) {
      schedule = value;
      return this;
    }

    public Builder resolverGroups(List<ResolverGroup> value) {
      resolverGroups = List.copyOf(value);
      return this;
    }

    public Builder clientGroups(List<ClientGroup> value) {
      clientGroups = List.copyOf(value);
      return this;
    }

    public Builder expectations(List<Expectation> value) {
      expectations = List.copyOf(value);
      return this;
    }

    public Builder outages(List<Outage> value) {
      outages = List.copyOf(value);
      return this;
    }

    public Builder origins(List<OriginServer> value) {
      origins = List.copyOf(value);
      return this;
    }

    public Builder references(List<ReferenceMark> value) {
      references = List.copyOf(value);
      return this;
    }

    /** Every problem of the values so far, in model order; empty when {@link #build()} will succeed. */
    public List<Problem> validate() {
      List<Problem> problems = new ArrayList<>();
      if (name == null) {
        problems.add(new Problem("name", "a scenario needs a name"));
      }
      if (account == null) {
        problems.add(new Problem("account", "a scenario needs an account"));
      }
      problems.addAll(problems(replications, durationMs, bucketMs, nameservers, schedule, resolverGroups,
          clientGroups));
      if (account != null) {
        problems.addAll(originProblems(account, origins));
      }
      return problems;
    }

    public Scenario build() {
      Problem.requireNone(validate());
      return new Scenario(name, description, seed, replications, durationMs, bucketMs, initialCache, account,
          nameservers, propagation, schedule, resolverGroups, clientGroups, expectations, outages, origins,
          references);
    }
  }
}
