package dev.dnsflip.simulation;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.ExposedAnswer;
import dev.dnsflip.observe.HolderCurve;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.TailCause;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.observe.TlsRisk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readiness figures of one switch event over every replication: the tallies' revealed-answer
 * counts summed (and latest times maximised) run by run, then turned into loads per origin,
 * holders over time and the share of uses that would fail TLS.
 */
final class ReadinessStats {
  private final int event;
  private final SwitchDirection direction;
  private final long windowMs;
  private final long bucketMs;
  private final int buckets;
  private final Revealed revealed;
  private final Map<String, OriginServer> stated = new LinkedHashMap<>();
  private final long[][] itemUses; // [bucket][item], summed over runs
  private final long[] itemLast;
  private final long[][] letGo; // [0 clients, 1 resolvers][bucket]
  private final long[] lastLetGo = {-1, -1};
  private long totalUses;
  private int runs;

  ReadinessStats(int event, SwitchDirection direction, long windowMs, long bucketMs, int buckets, Revealed revealed,
      List<OriginServer> origins) {
    this.event = event;
    this.direction = direction;
    this.windowMs = windowMs;
    this.bucketMs = bucketMs;
    this.buckets = buckets;
    this.revealed = revealed;
    for (OriginServer o : origins) {
      stated.put(o.address(), o);
    }
    itemUses = new long[buckets][revealed.count()];
    itemLast = new long[revealed.count()];
    java.util.Arrays.fill(itemLast, -1);
    letGo = new long[2][buckets];
  }

  void add(Tally tally) {
    runs++;
    long[] uses = tally.uses(event);
    for (int b = 0; b < buckets; b++) {
      for (int k = 0; k < revealed.count(); k++) {
        itemUses[b][k] += tally.itemUses(event, b, k);
      }
      letGo[0][b] += tally.letGo(false, event, b);
      letGo[1][b] += tally.letGo(true, event, b);
      totalUses += uses[b];
    }
    for (int k = 0; k < revealed.count(); k++) {
      itemLast[k] = Math.max(itemLast[k], tally.itemLastUse(event, k));
    }
    lastLetGo[0] = Math.max(lastLetGo[0], tally.lastLetGo(false, event));
    lastLetGo[1] = Math.max(lastLetGo[1], tally.lastLetGo(true, event));
  }

  SwitchReadiness report(List<TailCause> causes) {
    return new SwitchReadiness(event, direction, windowMs, loads(), exposed(), curve(0), curve(1), tls(), causes);
  }

  /** Uses per address, an answer's uses shared evenly among its addresses; [bucket] per address. */
  private Map<String, double[]> usesPerAddress() {
    Map<String, double[]> per = new LinkedHashMap<>();
    for (int k = 0; k < revealed.count(); k++) {
      Revealed.Item item = revealed.items().get(k);
      for (String a : item.addresses()) {
        double[] u = per.computeIfAbsent(a, x -> new double[buckets]);
        for (int b = 0; b < buckets; b++) {
          u[b] += (double) itemUses[b][k] / item.addresses().size();
        }
      }
    }
    return per;
  }

  private List<OriginLoad> loads() {
    List<OriginLoad> loads = new ArrayList<>();
    for (Map.Entry<String, double[]> e : usesPerAddress().entrySet()) {
      String address = e.getKey();
      double[] rps = new double[buckets];
      double peak = 0;
      long peakAt = 0;
      OriginServer origin = stated.get(address);
      Double capacity = origin == null || !origin.hasCapacity() ? null : origin.capacityPerSecond();
      long firstExceeded = -1;
      for (int b = 0; b < buckets; b++) {
        long length = Math.min(bucketMs, windowMs - b * bucketMs);
        rps[b] = runs == 0 || length <= 0 ? 0 : e.getValue()[b] / runs / (length / 1000.0);
        if (rps[b] > peak) {
          peak = rps[b];
          peakAt = b * bucketMs;
        }
        if (firstExceeded < 0 && capacity != null && rps[b] > capacity) {
          firstExceeded = b * bucketMs;
        }
      }
      loads.add(new OriginLoad(address, namesHolding(address), capacity, origin == null || origin.publiclyTrusted(),
          rps, peak, peakAt, firstExceeded));
    }
    return loads;
  }

  private List<String> namesHolding(String address) {
    Set<String> names = new LinkedHashSet<>();
    for (Revealed.Item item : revealed.items()) {
      if (item.addresses().contains(address)) {
        names.addAll(item.names());
      }
    }
    return List.copyOf(names);
  }

  /** Revealed answers, a CNAME target once however many CNAME answers (A, AAAA lookups) name it. */
  private List<ExposedAnswer> exposed() {
    List<ExposedAnswer> exposed = new ArrayList<>();
    Map<String, Integer> cnameAt = new LinkedHashMap<>();
    for (int k = 0; k < revealed.count(); k++) {
      Revealed.Item item = revealed.items().get(k);
      if (item.cname()) {
        Integer at = cnameAt.get(item.target());
        if (at != null) {
          ExposedAnswer first = exposed.get(at);
          Set<String> names = new LinkedHashSet<>(first.names());
          names.addAll(item.names());
          exposed.set(at, new ExposedAnswer(first.target(), true, List.of(), List.copyOf(names), 0, -1));
          continue;
        }
        cnameAt.put(item.target(), exposed.size());
      }
      long uses = 0;
      for (int b = 0; b < buckets; b++) {
        uses += itemUses[b][k];
      }
      exposed.add(new ExposedAnswer(item.target(), item.cname(), item.addresses(), item.names(), mean(uses),
          itemLast[k]));
    }
    return exposed;
  }

  private HolderCurve curve(int who) {
    long[] still = new long[buckets];
    long suffix = 0;
    for (int b = buckets - 1; b >= 0; b--) {
      suffix += letGo[who][b];
      still[b] = mean(suffix);
    }
    return new HolderCurve(buckets == 0 ? 0 : still[0], still, lastLetGo[who],
        buckets > 0 && letGo[who][buckets - 1] > 0);
  }

  private TlsRisk tls() {
    List<String> untrusted = new ArrayList<>();
    for (OriginServer o : stated.values()) {
      if (!o.publiclyTrusted()) {
        untrusted.add(o.address());
      }
    }
    double failing = 0;
    for (Map.Entry<String, double[]> e : usesPerAddress().entrySet()) {
      if (untrusted.contains(e.getKey())) {
        for (double u : e.getValue()) {
          failing += u;
        }
      }
    }
    return new TlsRisk(mean(totalUses), runs == 0 ? 0 : Math.round(failing / runs),
        totalUses == 0 ? null : (Double) (failing / totalUses), untrusted);
  }

  /** A sum over runs as the runs' mean, rounded half up: counts stay whole. */
  private long mean(long sum) {
    return runs == 0 ? 0 : Math.round((double) sum / runs);
  }
}
