package dev.dnsflip.simulation;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientState;

/**
 * A partition's use streams, one per (partition resolver, client group), index
 * {@code i × groups + g}: their clients, blame pair, resolver and group, and per client group
 * what its uses need to know, read per use from arrays, not from the scenario's objects.
 */
record Streams(int[] members, int[] pair, int[] resolverOf, int[] groupOf, double[] ratePerMs,
    ClientBehaviour[] behaviours, boolean[] stateless, boolean[] dualStack) {

  static Streams of(RunContext ctx, int[] resolvers, ClientState clientState) {
    int groups = ctx.population.groups();
    int n = resolvers.length * groups;
    int[] members = new int[n];
    int[] pair = new int[n];
    int[] resolverOf = new int[n];
    int[] groupOf = new int[n];
    double[] rate = new double[n];
    for (int i = 0; i < resolvers.length; i++) {
      for (int g = 0; g < groups; g++) {
        int s = i * groups + g;
        members[s] = ctx.population.count(resolvers[i], g);
        pair[s] = ctx.pair(resolvers[i], g);
        resolverOf[s] = i;
        groupOf[s] = g;
        rate[s] = ctx.everyMs[g] == 0 ? members[s] * ctx.ratePerMs[g] : 0; // clients on a schedule: no Poisson rate
      }
    }
    ClientBehaviour[] behaviours = new ClientBehaviour[groups];
    boolean[] stateless = new boolean[groups]; // the resolver's answer is the client's: no state of its own between
    boolean[] dualStack = new boolean[groups];
    for (int g = 0; g < groups; g++) {
      behaviours[g] = ctx.scenario.clientGroups().get(g).behaviour();
      stateless[g] = clientState == null || behaviours[g].isPlain();
      dualStack[g] = behaviours[g].dualStack();
    }
    return new Streams(members, pair, resolverOf, groupOf, rate, behaviours, stateless, dualStack);
  }

  int count() {
    return members.length;
  }
}
