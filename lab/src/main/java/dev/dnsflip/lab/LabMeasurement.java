package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.observe.TransitionStats;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * A scenario measured through a real resolver: probe clients ask it at the scenario's client rates
 * (each group's per-client rate, times the speed; a few probes per group, not the scenario's
 * millions) while a {@link SwitchPlayer} plays the switch schedule, and each answer is judged as
 * the simulator judges a use (stale when its provenance is not the one the switch in force intends),
 * into the same {@link RunResult} a simulation gives, so the same reports follow. Times in the
 * result are scenario times (wall times times the speed).
 *
 * <p>What differs from a simulation, by design: probes are plain clients (no client caches, single
 * stack) of the one resolver under test; the switch reaches the lab's one nameserver at once (no
 * propagation delay); the resolver starts with an empty cache at the scenario's start, not a
 * stationary one; there is one replication.
 *
 * @param probesPerGroup probe clients per client group (at most the group's count)
 */
public record LabMeasurement(Scenario scenario, TimeScale scale, int probesPerGroup, String resolverLabel) {
  /** A query not answered within this is a failed use, as a simulated fetch failure is. */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
  /** Refused above this many probe queries: the lab runs in real time. */
  public static final long MAX_QUERIES = 200_000;

  /** One probe query, planned before the run: when (wall ms after the start), by whom, what. */
  /** {@code number}: the client's number in the scenario, which a name of its own carries. */
  private record Planned(long wallMs, int client, int group, int question, long number) {}

  /** What came back: the answer's provenance (null: failed). */
  private record Answered(Planned planned, long sentWallMs, Provenance provenance) {}

  /** The probe queries the run will send, for refusing a run too large before it starts. */
  public long plannedQueries() {
    return plan().size();
  }

  /**
   * Probes {@code resolver} for the scenario's duration (scaled) from {@code startWallMs} and
   * returns what it measured; {@code authority} serves the scenario's account (its query count
   * gives the fetches).
   */
  public RunResult run(LabAuthority authority, InetSocketAddress resolver, long startWallMs)
      throws InterruptedException {
    return measure(authority, resolver, startWallMs).result();
  }

  /**
   * What a run measured: the result, and per switch event each observed probe client's last stale
   * use (scenario ms after the event; 0 when all its uses in the window were fresh), probe by probe.
   */
  public record Outcome(RunResult result, List<long[]> lastStaleByEvent) {}

  /** As {@link #run}, keeping each client's last stale use too (for calibration). */
  public Outcome measure(LabAuthority authority, InetSocketAddress resolver, long startWallMs)
      throws InterruptedException {
    Loopback.require(resolver);
    List<Question> questions = questions();
    Account account = scenario.account();
    AnswerTable table = AnswerTable.build(new Authority(account), questions);
    List<Planned> plan = plan();
    List<Answered> answered = probe(resolver, plan, startWallMs, account);
    return result(table, questions, answered, authority.queries().total(), startWallMs);
  }

  private static long[] samples(ClientRecord record, int clients, int event) {
    long[] out = new long[clients];
    int n = 0;
    for (int c = 0; c < clients; c++) {
      long stale = record.lastStale(c, event);
      if (stale >= 0 || record.firstFresh(c, event) >= 0) {
        out[n++] = Math.max(0, stale);
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private List<Question> questions() {
    List<Question> out = new ArrayList<>();
    for (ClientGroup g : scenario.clientGroups()) {
      for (WeightedQuestion w : g.questions()) {
        if (!out.contains(w.question())) {
          out.add(w.question());
        }
      }
    }
    return out;
  }

  private int probes(ClientGroup g) {
    return Math.min(probesPerGroup, g.count());
  }

  /** Poisson query times per probe client at the group's rate times the speed, questions by weight; seeded. */
  private List<Planned> plan() {
    List<Question> questions = questions();
    SplittableRandom random = new SplittableRandom(scenario.seed());
    long endWallMs = scale.wallMs(scenario.durationMs());
    List<Planned> out = new ArrayList<>();
    int client = 0;
    long groupStart = 0; // clients of the groups before: the scenario numbers clients from 1 across groups
    for (int g = 0; g < scenario.clientGroups().size(); g++) {
      ClientGroup group = scenario.clientGroups().get(g);
      double ratePerMs = group.queriesPerSecond() * scale.speed() / 1000.0;
      double total = group.questions().stream().mapToDouble(WeightedQuestion::weight).sum();
      for (int p = 0; p < probes(group); p++, client++) {
        double t = -Math.log(1 - random.nextDouble()) / ratePerMs;
        while (t < endWallMs) {
          double pick = random.nextDouble() * total;
          WeightedQuestion chosen = group.questions().get(group.questions().size() - 1);
          for (WeightedQuestion w : group.questions()) {
            pick -= w.weight();
            if (pick < 0) {
              chosen = w;
              break;
            }
          }
          out.add(new Planned((long) t, client, g, questions.indexOf(chosen.question()), groupStart + p + 1));
          if (out.size() > MAX_QUERIES) {
            return out;
          }
          t += -Math.log(1 - random.nextDouble()) / ratePerMs;
        }
      }
      groupStart += group.count();
    }
    out.sort(Comparator.comparingLong(Planned::wallMs).thenComparingInt(Planned::client));
    return out;
  }

  private List<Answered> probe(InetSocketAddress resolver, List<Planned> plan, long startWallMs, Account account)
      throws InterruptedException {
    List<Question> questions = questions();
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
      Thread t = new Thread(r, "dnsflip-lab-probe");
      t.setDaemon(true);
      return t;
    });
    List<Future<Answered>> futures = new ArrayList<>();
    try {
      for (Planned p : plan) {
        long delay = startWallMs + p.wallMs() - System.currentTimeMillis();
        futures.add(timer.schedule(() -> ask(resolver, p, questions.get(p.question()), account), Math.max(0, delay),
            TimeUnit.MILLISECONDS));
      }
      List<Answered> out = new ArrayList<>();
      for (Future<Answered> f : futures) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a probe failed", e.getCause());
        }
      }
      return out;
    } finally {
      timer.shutdownNow();
    }
  }

  private static Answered ask(InetSocketAddress resolver, Planned p, Question q, Account account) {
    long sent = System.currentTimeMillis();
    try {
      SimpleResolver r = new SimpleResolver(resolver);
      r.setTimeout(ANSWER_WITHIN);
      Message response = r.send(Message.newQuery(Record.newRecord(q.nameFor(p.number()), q.type(), DClass.IN)));
      return new Answered(p, sent, provenance(response, account));
    } catch (IOException noAnswer) {
      return new Answered(p, sent, null);
    }
  }

  /** Anycast if every address is from the account's pools, origin if none is, negative if there are none; null for an error. */
  static Provenance provenance(Message response, Account account) {
    int rcode = response.getRcode();
    List<InetAddress> addresses = new ArrayList<>();
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        addresses.add(a.getAddress());
      } else if (r instanceof AAAARecord aaaa) {
        addresses.add(aaaa.getAddress());
      }
    }
    if (addresses.isEmpty()) {
      return rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN ? Provenance.NEGATIVE : null;
    }
    long anycast = addresses.stream().filter(a -> account.anycastV4().contains(a) || account.anycastV6().contains(a))
        .count();
    if (anycast == addresses.size()) {
      return Provenance.ANYCAST;
    }
    return anycast == 0 ? Provenance.ORIGIN : null;
  }

  private Outcome result(AnswerTable table, List<Question> questions, List<Answered> answered, long fetches,
      long startWallMs) {
    List<SwitchEvent> events = scenario.schedule().events();
    int n = events.size();
    long bucketMs = scenario.bucketMs();
    int[] buckets = new int[n];
    long[] at = new long[n];
    long[] end = new long[n];
    for (int e = 0; e < n; e++) {
      at[e] = events.get(e).atMs();
      end[e] = e + 1 < n ? events.get(e + 1).atMs() : scenario.durationMs();
      buckets[e] = (int) Math.max(1, (end[e] - at[e] + bucketMs - 1) / bucketMs);
    }
    List<String[]> pairs = new ArrayList<>();
    for (ClientGroup g : scenario.clientGroups()) {
      pairs.add(new String[] {resolverLabel, resolverLabel, g.name(), g.behaviour().isPlain() ? "plain" : "probe"});
    }
    int clients = scenario.clientGroups().stream().mapToInt(this::probes).sum();
    Tally tally = new Tally(buckets, questions.size(), pairs.size());
    ClientRecord record = new ClientRecord(clients, n);
    List<Answered> inOrder = new ArrayList<>(answered);
    inOrder.sort(Comparator.comparingLong(Answered::sentWallMs).thenComparingInt(a -> a.planned().client()));
    for (Answered a : inOrder) {
      long t = scale.scenarioMs(a.sentWallMs() - startWallMs);
      int current = -1;
      while (current + 1 < n && t >= at[current + 1]) {
        current++;
      }
      if (a.provenance() == null) {
        tally.failure();
        continue;
      }
      boolean enabled = current < 0 ? scenario.schedule().initiallyEnabled()
          : events.get(current).direction().settingAfter();
      int q = a.planned().question();
      boolean stale = a.provenance().ordinal() != table.intendedProvenance(q, enabled);
      if (current < 0) {
        tally.query(false);
      } else {
        long offset = Math.min(t, end[current] - 1) - at[current];
        int bucket = (int) Math.min(buckets[current] - 1, offset / bucketMs);
        tally.use(current, offset, bucket, q, stale, false, a.planned().group());
        record.use(a.planned().client(), current, offset, stale);
      }
    }
    List<String> questionNames = questions.stream().map(Question::toString).toList();
    List<EventReport> reports = new ArrayList<>();
    for (int e = 0; e < n; e++) {
      TransitionStats stats = new TransitionStats(e, events.get(e).direction(), at[e], end[e], bucketMs, buckets[e],
          questionNames, pairs);
      stats.add(tally, record);
      reports.add(stats.report(List.of(), "measured in the lab through real software: no closed form"));
    }
    long queries = answered.size();
    long hits = Math.max(0, queries - fetches);
    RunSummary summary = new RunSummary(clients, 1, 1, 0, queries, hits, queries == 0 ? 0 : (double) hits / queries);
    List<long[]> samples = new ArrayList<>();
    for (int e = 0; e < n; e++) {
      samples.add(samples(record, clients, e));
    }
    return new Outcome(new RunResult(summary, reports), samples);
  }

  @Override
  public String toString() {
    return "LabMeasurement[" + scenario.name() + ", speed " + scale.speed() + ", " + probesPerGroup + " probes/group, "
        + resolverLabel + "]";
  }

}
