package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;

import dev.dnsflip.authority.Question;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import dev.dnsflip.spi.planted.RemainingTtlCache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code @DnsflipScenario} runs the file once for the class, with the logic it names, and hands every test the report. */
@DnsflipScenario(value = "suites/properties/own-cache.yaml", logic = DnsflipExtensionTest.CountingCache.class,
    threads = 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DnsflipExtensionTest {
  /** A remaining-TTL cache that counts its instances: one per cache per run. */
  public static final class CountingCache implements CacheLogic {
    static final AtomicInteger CREATED = new AtomicInteger();
    private final RemainingTtlCache inner = new RemainingTtlCache();

    public CountingCache() {
      CREATED.incrementAndGet();
    }

    @Override
    public Reply resolve(Question question, long nowMs, Upstream upstream) {
      return inner.resolve(question, nowMs, upstream);
    }
  }

  private static TransitionReport first;

  @Test
  @Order(1)
  void theFirstTestGetsTheReportOfTheNamedLogic(TransitionReport report) {
    first = report;
    assertThat(report).afterSwitch(1).lastStale().max().isAtMost(Duration.ofSeconds(61));
    Assertions.assertThat(report.events().get(0).blame()).allMatch(b -> b.resolverKind().equals("CountingCache"));
  }

  @Test
  @Order(2)
  void theNextTestGetsTheSameRunNotASecondOne(TransitionReport report) {
    Assertions.assertThat(report).isSameAs(first);
    // One resolver, one replication: one cache, built once for the class.
    Assertions.assertThat(CountingCache.CREATED.get()).isEqualTo(1);
    assertThat(report).expectationsPass();
  }
}
