package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JunitSchemaTest {
  private final String xml = JunitReport.render(List.of(
      new JunitReport.Entry("suite.yaml", SampleReports.twoFlips(), 1.25)));

  @Test
  void whatTheSuiteWritesConforms() {
    assertThat(xml).contains("<failure ");
    assertThat(JunitSchema.problems(xml)).isEmpty();
  }

  @Test
  void whatCiServersCouldNotReadIsRefused() {
    assertThat(JunitSchema.problems(xml.replaceFirst(" classname=\"suite.yaml\"", ""))).singleElement()
        .satisfies(p -> assertThat(p).contains("classname"));
    assertThat(JunitSchema.problems(xml.replaceFirst("failures=\"1\"", "failures=\"one\""))).isNotEmpty()
        .anySatisfy(p -> assertThat(p).contains("one"));
    assertThat(JunitSchema.problems(xml.replaceFirst("<testcase ", "<check/><testcase "))).isNotEmpty()
        .anySatisfy(p -> assertThat(p).contains("check"));
    assertThat(JunitSchema.problems(xml.replace("time=\"1.25", "time=\"-1.25"))).isNotEmpty();
  }
}
