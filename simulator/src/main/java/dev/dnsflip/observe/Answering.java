package dev.dnsflip.observe;

import java.util.List;

/**
 * Whether client queries got an answer, over the whole run and during each authoritative outage:
 * per bucket of [0, duration) (aligned to 0, not to a switch) the answered and failed queries in
 * total, per resolver group and per client group, summed over runs; and per outage its
 * {@link OutageAnswers}. Present in scenarios without switches or outages too.
 */
public record Answering(long bucketMs, AnswerSeries total, List<AnswerSeries> byResolverGroup,
    List<AnswerSeries> byClientGroup, List<OutageAnswers> outages) {
  /** Nothing counted (a result built by hand, or measured in the lab). */
  public static final Answering NONE = new Answering(0, new AnswerSeries("all", null, new long[0], new long[0]), List.of(),
      List.of(), List.of());

  public Answering {
    byResolverGroup = List.copyOf(byResolverGroup);
    byClientGroup = List.copyOf(byClientGroup);
    outages = List.copyOf(outages);
  }

  /** Whether anything was counted. */
  public boolean counted() {
    return total.buckets() > 0;
  }
}
