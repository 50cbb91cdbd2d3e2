package dev.dnsflip.cli;

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
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import dev.dnsflip.spi.LogicChoice;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The fixed benchmark scenario: 1,000,000 clients behind 1,000 TTL-honouring
 * resolvers, one proxied name, one query per client per minute, Auto TTL 300 s, enable at
 * 10 minutes, one simulated hour (about 60 M queries).
 */
public final class Benchmark {
  public static final int CLIENTS = 1_000_000;
  public static final int RESOLVERS = 1_000;

  private Benchmark() {}

  public static Scenario scenario(int clients, int resolvers) {
    try {
      Name www = Name.fromString("www.bench.example.");
      DnsRecord record = new DnsRecord(new ARecord(www, DClass.IN, DnsRecord.AUTO_TTL,
          Address.getByAddress("192.0.2.80", Address.IPv4)), true, Category.REGULAR, false);
      Account account = new Account(
          List.of(new Zone(Name.fromString("bench.example."), Soa.CLOUDFLARE_DEFAULT, List.of(record))),
          Account.DEFAULT_AUTO_TTL_SECONDS, Account.defaultAnycastV4(), Account.defaultAnycastV6(),
          SwitchSettings.DEFAULTS, List.of());
      return Scenario.builder()
          .name("bench")
          .description("the fixed benchmark")
          .durationMs(3_600_000)
          .account(account)
          .schedule(new SwitchSchedule(false, List.of(new SwitchEvent(600_000, SwitchDirection.ENABLE))))
          .resolverGroups(List.of(new ResolverGroup("resolvers", resolvers)))
          .clientGroups(List.of(new ClientGroup("clients", clients, 1.0 / 60, Map.of(),
              List.of(new WeightedQuestion(new Question(www, Type.A), 1)))))
          .build();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same scenario with every cache run through the resolver SPI ({@code logic: model}). */
  public static Scenario throughSpi(Scenario scenario) {
    return scenario.toBuilder().resolverGroups(scenario.resolverGroups().stream()
        .map(g -> g.withLogic(LogicChoice.MODEL)).toList()).build();
  }

  /** Figures of one timed run. */
  public record Figures(long queries, double seconds, int threads, long peakHeapBytes, RunResult result) {
    public double queriesPerSecond() {
      return queries / seconds;
    }
  }

  public static Figures run(Scenario scenario, int threads) {
    return run(scenario, threads, dev.dnsflip.simulation.Mode.AUTO);
  }

  public static Figures run(Scenario scenario, int threads, dev.dnsflip.simulation.Mode mode) {
    System.gc(); // so the peak below starts from what is live, not from the last run's garbage
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    RunResult result = new Simulation(scenario, threads, mode).run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Figures(result.summary().queries(), seconds, threads, peak, result);
  }
}
