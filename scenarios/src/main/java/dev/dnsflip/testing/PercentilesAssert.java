package dev.dnsflip.testing;

import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.MetricRegistry;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The last stale or first fresh use of every observed client after a switch event, by
 * percentile: only the percentiles the metric registry defines ({@code lastStale.p99} ...).
 */
public final class PercentilesAssert {
  private final EventReport event;
  private final String family;
  private final int replications;

  PercentilesAssert(EventReport event, String family, int replications) {
    this.event = event;
    this.family = family;
    this.replications = replications;
  }

  /** {@code percentile(99)} is {@code lastStale.p99}; 99.9 is {@code p99.9}. */
  public DurationFigureAssert percentile(double q) {
    String name = family + ".p" + BigDecimal.valueOf(q).stripTrailingZeros().toPlainString();
    if (MetricRegistry.find(name).isEmpty()) {
      throw new IllegalArgumentException("no metric " + name + "; " + family + " has " + MetricRegistry.names().stream()
          .filter(n -> n.startsWith(family + ".")).map(n -> n.substring(family.length() + 1))
          .collect(Collectors.joining(", ")));
    }
    return figure(name);
  }

  public DurationFigureAssert max() {
    return figure(family + ".max");
  }

  private DurationFigureAssert figure(String name) {
    return new DurationFigureAssert(EventFigure.metric(event, name, replications));
  }
}
