package dev.dnsflip.spi;

import dev.dnsflip.authority.Question;

/**
 * Cache logic of one resolver cache, run in simulated time: the harness hands it every question
 * the cache is asked, with the simulated instant, and an upstream to ask on a miss; it returns
 * the answer and the TTL it tells its client. Time is a parameter: an implementation never reads
 * a clock, so a run is as deterministic as the built-in model.
 *
 * <p>One instance serves one cache and is called from one thread. It answers one link of a
 * chain: for a name that is a CNAME it returns the CNAME (as its upstream handed it over), and the
 * harness asks again for the target, so it keeps a CNAME and its target separately, as resolvers
 * do. The answer must be one its upstream handed out ({@link Reply#answer()} of an
 * {@link Upstream#ask} result), with any TTL: the remaining one, the original one, or its own.
 *
 * <p>Selected from a scenario ({@code logic: com.example.MyCache} on a resolver group, found on
 * {@code --classpath} or through {@link java.util.ServiceLoader}) or in code
 * ({@link LogicChoice#of}). A class needs a public constructor without parameters. Whatever it
 * throws stops the run and is reported as a failure of this logic, naming the class, the question
 * and the instant ({@link CacheLogicFailure}; exit code 4 from the CLI).
 */
@FunctionalInterface
public interface CacheLogic {
  /**
   * Answers {@code question} at {@code nowMs} (simulated milliseconds; negative during the warm-up
   * before the observed window), asking {@code upstream} when it must. {@link Reply#FAILED} when
   * it has no answer (the upstream failed and nothing may be served).
   */
  Reply resolve(Question question, long nowMs, Upstream upstream);
}
