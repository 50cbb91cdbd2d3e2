package dev.dnsflip.testing;

import dev.dnsflip.reports.TransitionReport;

/** The entry point of the assertions on a report: {@code assertThat(Dnsflip.run(file)).afterSwitch(1)...}. */
public final class DnsflipAssertions {
  private DnsflipAssertions() {}

  public static ReportAssert assertThat(TransitionReport report) {
    return new ReportAssert(report);
  }
}
