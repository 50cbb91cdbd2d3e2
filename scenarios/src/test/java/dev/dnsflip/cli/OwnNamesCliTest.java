package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario whose clients ask names of their own, from the file to the reports, and a broken one to its exit. */
class OwnNamesCliTest {
  private static final Path PROBES = Path.of("src/test/resources/own-names/probes.yaml");

  @TempDir
  Path tmp;

  @Test
  void runsAndSaysWhyItsPartitionsRunEventByEvent() throws IOException {
    CliRun r = CliRun.of("run", PROBES.toString(), "--out", tmp.toString(), "--quiet", "--mode", "skip");

    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    String json = Files.readString(tmp.resolve("report.json"));
    assertThat(json).contains("clients asking names of their own (skipping ahead draws the hits of one entry per "
        + "question)");
    assertThat(json).contains("\"question\": \"probe-{client}.example.com. A\"");
  }

  @Test
  void aPatternNoRecordAnswersIsRefusedAtItsLine() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    String text = Files.readString(PROBES);
    String wildcard = "        - { name: \"*\", type: A, content: 192.0.2.9, proxied: true }\n";
    assertThat(text).contains(wildcard);
    Files.writeString(bad, text.replace(wildcard, ""));

    CliRun r = CliRun.of("run", bad.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo("dnsflip: " + bad + ":18:17: no record answers the clients' names "
        + "probe-{client}.example.com (NXDOMAIN); expected a wildcard such as *.example.com to answer them\n");
    assertThat(tmp.resolve("o")).doesNotExist();
  }
}
