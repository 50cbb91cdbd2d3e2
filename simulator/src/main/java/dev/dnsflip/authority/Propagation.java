package dev.dnsflip.authority;

import java.util.SplittableRandom;

/**
 * How long a switch event takes to reach one authoritative nameserver. Cloudflare publishes no
 * percentiles: "within seconds" (Quicksilver, 2020), "within 5 minutes, usually much less"
 * (DNS FAQ). Default: uniform between 1 s and 5 s.
 */
public sealed interface Propagation {
  Propagation DEFAULT = new Uniform(1_000, 5_000);

  long sampleMs(SplittableRandom random);

  /** The largest delay this distribution can give. */
  long maxMs();

  /** The mean delay. */
  double meanMs();

  record Fixed(long delayMs) implements Propagation {
    public Fixed {
      if (delayMs < 0) {
        throw new ModelRuleException("propagation delay must be >= 0");
      }
    }

    @Override
    public long sampleMs(SplittableRandom random) {
      return delayMs;
    }

    @Override
    public long maxMs() {
      return delayMs;
    }

    @Override
    public double meanMs() {
      return delayMs;
    }
  }

  /** Uniform on the integers [minMs, maxMs]. */
  record Uniform(long minMs, long maxMs) implements Propagation {
    public Uniform {
      if (minMs < 0 || maxMs < minMs) {
        throw new ModelRuleException("uniform propagation needs 0 <= min <= max");
      }
    }

    @Override
    public long sampleMs(SplittableRandom random) {
      return minMs == maxMs ? minMs : random.nextLong(minMs, maxMs + 1);
    }

    @Override
    public double meanMs() {
      return (minMs + maxMs) / 2.0;
    }
  }
}
