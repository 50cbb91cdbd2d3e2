package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.reports.Figures;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.reports.JunitReport;
import dev.dnsflip.reports.MarkdownReport;
import dev.dnsflip.reports.ReportSchema;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answering section of a scenario with no switch at all, its outage bounds, and its bytes on 1 and 4 threads. */
class AnsweringReportTest {
  /** No switch; a TTL-honouring group and a serve-stale one; every query lost from 10 to 20 minutes. */
  private static final String NO_SWITCH = """
      name: outage-only
      seed: 9
      replications: 3
      duration: 30m
      bucket: 1m
      account:
        autoTtl: 120
        zones:
          - name: example.com
            records:
              - { name: www, type: A, content: 192.0.2.1, proxied: true }
      resolvers:
        - { name: isp, count: 6 }
        - { name: stale, count: 2, preset: bind-9.18-serve-stale }
      clients:
        - name: probes
          count: 400
          queriesPerMinute: 0.5
          questions:
            - { name: www.example.com }
      outages:
        - { from: 10m, to: 20m, loss: 100% }
      expect:
        - { outage: 1, metric: answered.share, atLeast: 1% }
        - { outage: 1, metric: rideThrough.share, atMost: 0% }
      """;

  private static TransitionReport report(int threads, Mode mode) throws InputException {
    Scenario s = ScenarioLoader.parse(NO_SWITCH, "outage-only.yaml");
    return LoadedScenario.of(s).report(new Simulation(s, threads, mode).run());
  }

  @Test
  void aScenarioWithoutSwitchesReportsItsAnswersAndChecksItsOutageBounds() throws Exception {
    TransitionReport report = report(2, Mode.AUTO);
    String json = JsonReport.render(report);
    assertThat(ReportSchema.problems(json)).isEmpty();
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("events")).isEmpty();
    JsonNode answering = root.get("answering");
    assertThat(answering.get("bucketMs").asLong()).isEqualTo(60_000);
    assertThat(answering.at("/total/answered")).hasSize(30);
    long answered = 0;
    long failed = 0;
    for (int b = 0; b < 30; b++) {
      answered += answering.at("/total/answered/" + b).asLong();
      failed += answering.at("/total/failed/" + b).asLong();
      if (b < 10 || b >= 20) {
        assertThat(answering.at("/total/failed/" + b).asLong()).as("bucket %d, outside the outage", b).isZero();
      }
    }
    assertThat(answered + failed).isEqualTo(root.at("/run/queries").asLong());
    assertThat(failed).as("TTL 120 s: the isp caches run dry inside a 10 min outage").isPositive();
    assertThat(answering.at("/byResolverGroup/1/name").asText()).isEqualTo("stale");
    assertThat(answering.at("/byResolverGroup/1/kind").asText()).isEqualTo("bind-9.18-serve-stale");
    JsonNode outage = answering.at("/outages/0");
    assertThat(outage.get("fromMs").asLong()).isEqualTo(600_000);
    assertThat(outage.get("toMs").asLong()).isEqualTo(1_200_000);
    assertThat(outage.at("/answeredShare/samples").asInt()).isEqualTo(3);
    assertThat(outage.at("/byResolverGroup/1/answeredShare").asDouble())
        .as("serve-stale answers from its expired entry").isGreaterThan(outage.at("/byResolverGroup/0/answeredShare")
            .asDouble());
    assertThat(outage.at("/total/failed").asLong()).isEqualTo(failed);

    List<ExpectationResult> results = report.expectations();
    assertThat(results).extracting(ExpectationResult::passed).containsExactly(true, false);
    assertThat(results).extracting(ExpectationResult::where)
        .containsExactly("outage-only.yaml:24:5", "outage-only.yaml:25:5");
    assertThat(results.get(1).checked()).isEqualTo("outage 1");
    assertThat(results.get(1).actual()).isPositive();
    assertThat(root.at("/expectations/1/outage").asInt()).isEqualTo(1);
    assertThat(root.at("/expectations/1/switch").isNull()).isTrue();
    assertThat(ConsoleSummary.render(report)).as("no switch: no switch table, not even its header")
        .doesNotContain("direction").contains("outage 1 rideThrough.share")
        .contains("outage 1 (10m 0s – 20m 0s, 100.00% of queries lost at every nameserver): "
            + Figures.percent(results.get(0).actual()) + " of queries answered, "
            + Figures.percent(results.get(1).actual()) + " of clients rode it through\n");
    assertThat(MarkdownReport.render(report)).contains("## Answers during outages")
        .contains("| FAIL | outage 1 | rideThrough.share | ≤ 0.00% |");
    assertThat(JunitReport.render(List.of(new JunitReport.Entry("outage-only.yaml", report, 1.0))))
        .contains("outage 1 answered.share");
  }

  @Test
  void outageBoundsAreWrittenAsTheyAreRead() throws InputException {
    Scenario s = ScenarioLoader.parse(NO_SWITCH, "outage-only.yaml");
    String text = ScenarioWriter.write(s, List.of());
    assertThat(text).contains("- { outage: 1, metric: answered.share, atLeast: 0.01 }")
        .contains("- { outage: 1, metric: rideThrough.share, atMost: 0 }");
    assertThat(ScenarioLoader.parse(text, "again.yaml").expectations())
        .extracting(x -> x.outage() + " " + x.metric() + " " + x.atMost() + " " + x.atLeast())
        .containsExactly("1 answered.share null 0.01", "1 rideThrough.share 0.0 null");
  }

  /** One group's share, pooled over the runs: what the report lists for that group, checked against its bound. */
  @Test
  void anOutageBoundMayNameOneResolverGroupOrOneClientGroup() throws Exception {
    String yaml = NO_SWITCH.replace("{ outage: 1, metric: rideThrough.share, atMost: 0% }",
        "{ outage: 1, metric: answered.share, resolvers: stale, atLeast: 1% }\n"
            + "  - { outage: 1, metric: rideThrough.share, clients: probes, atMost: 0% }");
    assertThat(yaml).isNotEqualTo(NO_SWITCH);
    Scenario s = ScenarioLoader.parse(yaml, "scoped.yaml");
    TransitionReport report = LoadedScenario.of(s).report(new Simulation(s, 2, Mode.AUTO).run());
    JsonNode outage = new ObjectMapper().readTree(JsonReport.render(report)).at("/answering/outages/0");
    List<ExpectationResult> results = report.expectations();
    assertThat(results.get(1).actual()).isEqualTo(outage.at("/byResolverGroup/1/answeredShare").asDouble())
        .isGreaterThan(0.01);
    assertThat(results.get(1).label()).isEqualTo("answered.share (resolvers stale)");
    assertThat(results.get(2).actual()).isEqualTo(outage.at("/byClientGroup/0/rideThroughShare").asDouble())
        .isPositive();
    assertThat(results).extracting(ExpectationResult::passed).containsExactly(true, true, false);

    String text = ScenarioWriter.write(s, List.of());
    assertThat(text).contains("- { outage: 1, metric: answered.share, resolvers: stale, atLeast: 0.01 }")
        .contains("- { outage: 1, metric: rideThrough.share, clients: probes, atMost: 0 }");
    assertThat(ScenarioLoader.parse(text, "again.yaml").expectations())
        .extracting(x -> x.outage() + " " + x.scope()).containsExactly("1 null", "1 resolvers stale", "1 clients probes");

    String both = NO_SWITCH.replace("rideThrough.share, atMost: 0% }", "rideThrough.share, resolvers: isp, clients: probes, atMost: 0% }");
    assertThatThrownBy(() -> ScenarioLoader.parse(both, "both.yaml")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("both.yaml:25:")
        .hasMessageContaining("names one group, resolvers: or clients:, not both");
    String unknown = NO_SWITCH.replace("rideThrough.share, atMost: 0% }", "rideThrough.share, clients: nobody, atMost: 0% }");
    assertThatThrownBy(() -> ScenarioLoader.parse(unknown, "unknown.yaml")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("unknown.yaml:25:")
        .hasMessageContaining("unknown client group 'nobody'; expected one of: probes");
  }

  @Test
  void theReportIsByteIdenticalOnOneAndFourThreadsSkippingAheadOrNot() throws Exception {
    for (Mode mode : new Mode[] {Mode.SKIP, Mode.EVENTS}) {
      assertThat(JsonReport.render(report(4, mode))).as("%s", mode).isEqualTo(JsonReport.render(report(1, mode)));
    }
    Scenario s = ScenarioLoader.parse(NO_SWITCH, "outage-only.yaml");
    assertThat(new Simulation(s, 1, Mode.SKIP).partitionModes().skippingAhead()).as("the isp resolvers skip ahead")
        .isEqualTo(6);
  }
}
