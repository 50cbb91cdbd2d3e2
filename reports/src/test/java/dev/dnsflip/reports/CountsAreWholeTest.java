package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.Unit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mean of counts over runs is shown as a whole number, with its interval rounded outwards, everywhere. */
class CountsAreWholeTest {
  /** 7,737.33 clients on average over three runs, interval 7,700.2 – 7,774.6. */
  private static final Estimate FRACTIONAL = new Estimate(7_737.333333, 7_700.2, 7_774.6, 7_700, 7_775, 3, 0);

  private static TransitionReport report() {
    TransitionReport base = SampleReports.threeRuns();
    EventReport e = base.events().get(1);
    List<Metric> metrics = new ArrayList<>();
    for (Metric m : e.metrics()) {
      metrics.add(m.unit() == Unit.COUNT ? new Metric(m.name(), m.unit(), m.description(), FRACTIONAL) : m);
    }
    EventReport fractional = new EventReport(e.index(), e.direction(), e.atMs(), e.windowEndMs(), metrics,
        e.closedForm(), e.closedFormNote(), e.questions(), e.blame(), e.series());
    return new TransitionReport(base.scenario(), base.description(), base.seed(), base.replications(),
        base.durationMs(), base.bucketMs(), base.initialCache(), base.run(), List.of(base.events().get(0), fractional),
        base.expectations());
  }

  @Test
  void markdownHtmlAndConsoleShowTheRoundedMeanAndAnOutwardInterval() {
    TransitionReport r = report();
    String md = MarkdownReport.render(r);
    String html = HtmlReport.render(r);
    String console = ConsoleSummary.render(r);

    for (String text : List.of(md, html, console)) {
      assertThat(text).contains("7,737").doesNotContain("7,737.33", "7737.3", "7,700.2", "7,774.6");
    }
    assertThat(md).contains("| clientsObserved | 7,737 | 7,700 – 7,775 | 7,700 – 7,775 |");
    assertThat(html).contains("7,700 – 7,775");
  }

  @Test
  void jsonWritesCountEstimatesAsWholeNumbers() throws Exception {
    JsonNode metrics = new ObjectMapper().readTree(JsonReport.render(report())).get("events").get(1).get("metrics");
    int counts = 0;
    for (JsonNode m : metrics) {
      if (MetricRegistry.definition(m.get("name").asText()).unit() != Unit.COUNT) {
        continue;
      }
      counts++;
      JsonNode e = m.get("estimate");
      for (String field : List.of("mean", "ciLow", "ciHigh", "min", "max")) {
        assertThat(e.get(field).isIntegralNumber()).as(m.get("name") + " " + field).isTrue();
      }
      assertThat(e.get("mean").longValue()).isEqualTo(7_737);
      assertThat(e.get("ciLow").longValue()).isEqualTo(7_700);
      assertThat(e.get("ciHigh").longValue()).isEqualTo(7_775);
    }
    assertThat(counts).isEqualTo(4);
  }
}
