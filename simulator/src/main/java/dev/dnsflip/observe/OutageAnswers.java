package dev.dnsflip.observe;

import java.util.List;

/**
 * How client queries fared during one authoritative outage (numbered from 1 as reports number
 * them; its window [fromMs, toMs) cut to the observed time): the answered share and the
 * ride-through share as estimates over runs (each run's share; runs without a query there are
 * left out), and the pooled counts in total, per resolver group and per client group.
 *
 * @param nameservers the affected nameservers, numbered from 1; empty for all of them
 */
public record OutageAnswers(int number, long fromMs, long toMs, double loss, List<Integer> nameservers,
    Estimate answeredShare, Estimate rideThrough, OutageFigures total, List<OutageFigures> byResolverGroup,
    List<OutageFigures> byClientGroup) {
  public OutageAnswers {
    nameservers = List.copyOf(nameservers);
    byResolverGroup = List.copyOf(byResolverGroup);
    byClientGroup = List.copyOf(byClientGroup);
  }
}
