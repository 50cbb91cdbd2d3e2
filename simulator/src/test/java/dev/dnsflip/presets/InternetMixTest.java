package dev.dnsflip.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The mix's composition: counts per unit of scale, the parameters' limits, the keep-alive override. */
class InternetMixTest {
  private static final InternetMix.Parameters F = InternetMix.Parameters.FITTED;
  private static final List<WeightedQuestion> Q =
      List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1));

  @Test
  void everyScaleHasOneHundredResolversPerUnitInTheDocumentedShares() {
    List<ResolverGroup> groups = InternetMix.resolvers(3);
    assertThat(groups.stream().mapToInt(ResolverGroup::count).sum()).isEqualTo(300);
    assertThat(groups).extracting(ResolverGroup::name, ResolverGroup::count).containsExactly(
        org.assertj.core.groups.Tuple.tuple("isp", 93), org.assertj.core.groups.Tuple.tuple("isp-pool", 51),
        org.assertj.core.groups.Tuple.tuple("public", 21), org.assertj.core.groups.Tuple.tuple("public-cap-21600", 21),
        org.assertj.core.groups.Tuple.tuple("public-cap-43200", 9), org.assertj.core.groups.Tuple.tuple("public-cap-3600", 9),
        org.assertj.core.groups.Tuple.tuple("home-router", 45), org.assertj.core.groups.Tuple.tuple("enterprise", 15),
        org.assertj.core.groups.Tuple.tuple("serve-expired", 6), org.assertj.core.groups.Tuple.tuple("isp-floor-30", 9),
        org.assertj.core.groups.Tuple.tuple("isp-floor-60", 9), org.assertj.core.groups.Tuple.tuple("isp-floor-300", 3),
        org.assertj.core.groups.Tuple.tuple("isp-floor-3600", 9));
    // The 900 s floor has no resolver in the shipped revision: the group is left out, not empty.
    assertThat(groups).noneMatch(g -> g.name().equals("isp-floor-900"));
    assertThat(groups.get(1).backends()).isEqualTo(4);
    assertThat(groups.get(6).forwardTo()).isEqualTo("isp");
  }

  @Test
  void theSingleCacheIspResolversTakeTheRestAndMustKeepAtLeastOne() {
    assertThat(F.ispSingles()).isEqualTo(31);
    // Pools 47 leave exactly one single-cache resolver per 100: allowed; 48 leave none: refused.
    assertThat(pools(47).ispSingles()).isEqualTo(1);
    assertThatThrownBy(() -> pools(48)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one single-cache ISP resolver");
    assertThatThrownBy(() -> pools(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepAliveShareAndLifetimeReachTheBrowserGroup() {
    List<ClientGroup> shipped = InternetMix.clients(1000, 1.0 / 60, Q);
    assertThat(shipped).extracting(ClientGroup::name).containsExactly("chrome", "browser-keepalive", "firefox", "jvm",
        "go", "curl", "windows", "systemd-resolved-stub");
    assertThat(shipped.get(1).count()).isEqualTo(20);
    assertThat(shipped.get(0).count()).isEqualTo(430);
    assertThat(shipped.stream().mapToInt(ClientGroup::count).sum()).isEqualTo(1000);
    assertThat(shipped.get(1).behaviour().connectionMeanMs()).isEqualTo(120_000);
    assertThat(shipped.get(1).kind()).isEqualTo("browser-keepalive");

    InternetMix.Parameters longer = new InternetMix.Parameters(7, 7, 3, 3, 15, 5, 2, 17, 3, 3, 1, 0, 3, 0.02, 600_000);
    ClientGroup keepAlive = InternetMix.clients(1000, 1.0 / 60, Q, longer).get(1);
    assertThat(keepAlive.behaviour().connectionMeanMs()).isEqualTo(600_000);
    assertThat(keepAlive.kind()).as("a changed preset says so").isEqualTo("browser-keepalive+custom");

    // A zero share leaves the group out; a positive share that rounds to no client is refused
    // (the loader reports it as a count too small to split): 2% of 50 is one client, of 10 none.
    InternetMix.Parameters none = new InternetMix.Parameters(7, 7, 3, 3, 15, 5, 2, 17, 3, 3, 1, 0, 3, 0, 120_000);
    assertThat(InternetMix.clients(1000, 1.0 / 60, Q, none)).extracting(ClientGroup::name)
        .doesNotContain("browser-keepalive");
    assertThat(InternetMix.clients(50, 1.0 / 60, Q).get(1).count()).isEqualTo(1);
    assertThatThrownBy(() -> InternetMix.clients(10, 1.0 / 60, Q)).hasMessageContaining("'browser-keepalive' needs count >= 1");
  }

  private static InternetMix.Parameters pools(int pools) {
    return new InternetMix.Parameters(F.publicUncapped(), F.publicCap21600(), F.publicCap43200(), F.publicCap3600(),
        F.homeRouters(), F.enterprise(), F.serveStale(), pools, F.floor30(), F.floor60(), F.floor300(), F.floor900(),
        F.floor3600(), F.keepAliveShare(), F.keepAliveMeanMs());
  }
}
