package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The section on answers during outages, in Markdown and HTML, and its absence where nothing was counted. */
class AnsweringSectionTest {
  @Test
  void markdownTellsEachOutageWithItsSharesAndATableByGroup() {
    String md = MarkdownReport.render(SampleReports.withOutage());
    assertThat(md).contains("## Answers during outages")
        .contains("Of 8,000 client queries (counts summed over 2 runs), 7,180 were answered")
        .contains("### Outage 1: 1m 0s – 3m 0s, 100.00% of queries lost at every nameserver")
        .contains("Answered share: 62.70% (95% CI 60.00% – 65.40%, runs 61.00% – 64.40%, 2 of 2 runs with a query inside)")
        .contains("| all | 2,200 | 1,380 | 62.73% | 600 | 240 | 40.00% |")
        .contains("| resolvers isp (unbound-1.17) | 1,800 | 1,380 | 76.67% | 400 | 240 | 60.00% |")
        .contains("| resolvers public (public-farm) | 400 | 0 | 0.00% | 200 | 0 | 0.00% |")
        .contains("| clients home (plain) | 2,200 |");
    assertThat(md.indexOf("## Answers during outages")).isGreaterThan(md.indexOf("## Readiness"))
        .isLessThan(md.indexOf("## Switch 1"));
  }

  @Test
  void htmlDrawsTheAnsweredShareWithTheOutageShaded() {
    String html = HtmlReport.render(SampleReports.withOutage());
    assertThat(html).contains("<h2 id=\"answering\">Answers during outages</h2>")
        .contains("answered share over the run</title>")
        .contains("data-series=\"outage windows\"").contains("data-series=\"all clients\"")
        .contains("data-series=\"isp (unbound-1.17)\"").contains("data-series=\"public (public-farm)\"")
        .containsPattern("data-series-count=\"4\"[^>]*>\\s*<title>answered share over the run");
  }

  @Test
  void aReportWithoutCountsHasNoSectionAndOneWithoutOutagesSaysSo() {
    assertThat(MarkdownReport.render(SampleReports.twoFlips())).doesNotContain("Answers during outages");
    assertThat(HtmlReport.render(SampleReports.twoFlips())).doesNotContain("id=\"answering\"");
    TransitionReport r = SampleReports.withOutage();
    TransitionReport noOutage = new TransitionReport(r.scenario(), r.description(), r.seed(), 1, r.durationMs(),
        r.bucketMs(), r.initialCache(), null, r.run(), r.events(), r.expectations(), r.readiness(),
        new dev.dnsflip.observe.Answering(r.answering().bucketMs(), r.answering().total(), java.util.List.of(),
            java.util.List.of(), java.util.List.of()), java.util.List.of());
    String md = MarkdownReport.render(noOutage);
    assertThat(md).contains("Of 8,000 client queries, 7,180 were answered")
        .contains("The scenario declares no authoritative outage (`outages:`).").doesNotContain("### Outage");
    assertThat(HtmlReport.render(noOutage)).contains("id=\"answering\"").doesNotContain("answered share over the run");
  }
}
