package dev.dnsflip.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.simulation.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The internet mix's prediction of published figures it was not fitted to (named in
 * docs/POPULATION.md before the fit). Printed, hit or miss; the test asserts only that the
 * prediction was computed, never that it matches: a match it could be tuned to would be one more
 * fit.
 */
class InternetMixOutOfSampleTest {
  private static final int RUNS = 3;
  private static final int PROBES = 2_000;

  /**
   * Held out: Moura et al. (IMC 2018) as their authors restate it (draft-moura-dnsop-authoritative-
   * recommendations, R5): TTL 60 s, probes every 10 minutes, 90% of the queries to both
   * authoritative servers dropped: 27% of the clients still got an answer. Caches cannot help a
   * 60 s record asked every 10 minutes, so this tests the resolvers' retries and the floors above
   * 10 minutes; the replay counts answered queries during the attack (the drafts' unit is clients;
   * one answer a round per probe makes the two close, and the difference is stated in the docs).
   */
  @Test
  void predictsTheAnsweredShareUnderNinetyPercentLossOutOfSample() {
    double sum = 0;
    for (int i = 0; i < RUNS; i++) {
      Scenario s = FieldReplays.outage(InternetMix.Parameters.FITTED, PROBES, 2, 2018 + i, 60, 0.9,
          FieldReplays.ATTACK_MS + 6 * FieldReplays.PROBE_INTERVAL_MS);
      sum += FieldReplays.answeredDuringAttack(s, FieldReplays.run(s));
    }
    double predicted = sum / RUNS;
    System.out.printf("out of sample: TTL 60 s, 90%% loss at both servers: answered %.1f%% of queries during "
        + "the attack (published: 27%% of clients)%n", 100 * predicted);
    assertThat(predicted).as("computed").isBetween(0.0, 1.0);
  }

  /**
   * Reported, not out of sample (the serve-stale share was set from it): the same TTL 3600 s
   * outage after the entries expired, rounds 70 to 110 minutes: 2.1, 1.9, 1.9, 1.9 and 1.8% of the
   * pre-attack OK count. Also printed: the drift over the cache-only rounds (published 72.3% to
   * 70.1%), which no parameter was fitted to.
   */
  @Test
  void reportsTheOutageProfileAfterExpiry() {
    double[] mean = new double[12];
    for (int i = 0; i < RUNS; i++) {
      Scenario s = FieldReplays.outage(InternetMix.Parameters.FITTED, PROBES, 2, 2018 + i, 3600, 1.0,
          FieldReplays.ATTACK_MS + 12 * FieldReplays.PROBE_INTERVAL_MS);
      double[] relative = FieldReplays.relativeAnswered(s, FieldReplays.run(s));
      for (int k = 0; k < mean.length; k++) {
        mean[k] += relative[k] / RUNS;
      }
    }
    StringBuilder line = new StringBuilder("outage profile, TTL 3600 s, relative answered per round from the attack:");
    for (double v : mean) {
      line.append(String.format(" %.1f%%", 100 * v));
    }
    System.out.println(line);
    System.out.printf("cache-only drift (first to fifth round): %+.1f points (published -2.2); after expiry "
        + "(rounds 7-11): %.1f%% (published 1.8-2.1%%)%n", 100 * (mean[4] - mean[0]),
        100 * (mean[6] + mean[7] + mean[8] + mean[9] + mean[10]) / 5);
    for (double v : mean) {
      assertThat(v).as("computed").isBetween(0.0, 2.0);
    }
  }

  /**
   * Reported, not out of sample (the level is F2's, and the mechanism does not depend on the TTL):
   * the share answered from caches in the rounds before expiry for TTLs 1800 s and 86400 s. The
   * authors' restatement says the 70% held "for various TTL values" (draft -00, R5); the paper's
   * per-TTL table could not be read.
   */
  @Test
  void reportsTheCacheOnlyShareForOtherTtls() {
    for (long[] ttlRounds : new long[][] {{1800, 2}, {86_400, 5}}) {
      double sum = 0;
      int rounds = (int) ttlRounds[1];
      for (int i = 0; i < RUNS; i++) {
        Scenario s = FieldReplays.outage(InternetMix.Parameters.FITTED, PROBES, 2, 2018 + i, ttlRounds[0], 1.0,
            FieldReplays.ATTACK_MS + rounds * FieldReplays.PROBE_INTERVAL_MS);
        double[] relative = FieldReplays.relativeAnswered(s, FieldReplays.run(s));
        for (int k = 0; k < rounds; k++) {
          sum += relative[k] / rounds / RUNS;
        }
      }
      System.out.printf("cache-only rounds, TTL %d s: %.1f%% answered, relative (F2's level for 3600 s: 71.0%%)%n",
          ttlRounds[0], 100 * sum);
      assertThat(sum).as("computed").isBetween(0.0, 2.0);
    }
  }
}
