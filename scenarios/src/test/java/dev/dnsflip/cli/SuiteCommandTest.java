package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import javax.xml.parsers.DocumentBuilderFactory;
import dev.dnsflip.reports.JunitSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** {@code dnsflip suite}: the table, exit codes, reports per scenario and JUnit XML for CI. */
class SuiteCommandTest {
  private static final Path SUITES = Path.of("suites");
  private static final Path DEFAULT = SUITES.resolve("default.yaml");
  private static final String BOUND = "atMost: 305s";

  @TempDir
  Path tmp;

  @Test
  void shippedSuitesPassAndTheTableNamesEachScenario() {
    CliRun r = CliRun.of("suite", SUITES.toString(), "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("scenario").contains("switches", "passed", "failed", "slowest", "time");
    // A directory runs in file-name order.
    assertThat(lines.subList(1, 8)).map(l -> l.split(" ")[0])
        .containsExactly("coverage", "default", "flavel-2014", "imported", "large-plain", "moura-2018", "resolver-mix");
    assertThat(lines.get(8)).isEqualTo("7 scenarios, " + passedCount(r.out()) + " expectations passed, 0 failed");
    assertThat(r.out()).doesNotContain("FAIL").contains("latest stale use");
  }

  @Test
  void filesRunInTheOrderGivenAndWriteNoReportsWithoutOut() throws IOException {
    // `dnsflip run` would write to out/<name> here; the suite writes nowhere without --out.
    Path defaultOut = Path.of("out", "imported");
    boolean existed = Files.exists(defaultOut);
    CliRun r = CliRun.of("suite", SUITES.resolve("imported.yaml").toString(), DEFAULT.toString(),
        "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).limit(2).map(l -> l.split(" ")[0])).containsExactly("imported", "default");
    assertThat(r.err()).doesNotContain("wrote");
    assertThat(Files.exists(defaultOut)).isEqualTo(existed);
  }

  @Test
  void oneImpossibleBoundExitsOneAndIsTheOnlyJunitFailure() throws Exception {
    Path suite = Files.createDirectory(tmp.resolve("suite"));
    String yaml = Files.readString(DEFAULT);
    // Only the first bound, lastStale.max after enable, becomes impossible.
    Path tight = suite.resolve("a-tight.yaml");
    Files.writeString(tight, yaml.replaceFirst(BOUND, "atMost: 100s").replaceFirst("name: default", "name: tight"));
    Path free = suite.resolve("b-free.yaml");
    Files.writeString(free, yaml.substring(0, yaml.indexOf("\nexpect:") + 1)
        .replaceFirst("name: default", Matcher.quoteReplacement("name: 'free <&\"> ]]>'")));
    Path junit = tmp.resolve("ci/junit.xml");
    Files.createDirectories(junit.getParent());
    Path out = tmp.resolve("out");

    CliRun r = CliRun.of("suite", suite.toString(), "--junit", junit.toString(), "--out", out.toString(),
        "--threads", "2");

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    int line = lineOf(Files.readString(tight), "atMost: 100s");
    assertThat(r.out()).contains("tight: FAIL switch 1 lastStale.max = ").contains(tight + ":" + line + ":")
        .contains("2 scenarios, 4 expectations passed, 1 failed");
    assertThat(out.resolve("tight/report.json")).isNotEmptyFile();
    assertThat(out.resolve("free/report.md")).isNotEmptyFile();

    assertThat(Files.readString(junit)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .endsWith("</testsuites>\n");
    assertThat(JunitSchema.problems(Files.readString(junit))).as("docs/junit-schema.xsd").isEmpty();
    Element root = parse(junit).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(attributes(root)).containsExactlyInAnyOrder("name", "tests", "failures", "errors", "time");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    List<Element> suites = children(root, "testsuite");
    assertThat(suites).map(s -> s.getAttribute("name")).containsExactly("tight", "free <&\"> ]]>");
    for (Element s : suites) {
      assertThat(attributes(s)).containsExactlyInAnyOrder("name", "tests", "failures", "errors", "skipped", "time");
      assertThat(children(s, "testcase")).hasSize(Integer.parseInt(s.getAttribute("tests")));
      assertThat(Double.parseDouble(s.getAttribute("time"))).isPositive();
    }
    List<Element> tightCases = children(suites.get(0), "testcase");
    assertThat(tightCases).map(c -> c.getAttribute("classname")).containsOnly(tight.toString());
    assertThat(tightCases).map(c -> c.getAttribute("name")).containsExactly(
        "switch 1 lastStale.max atMost 1m 40s", "switch 1 staleShareZero atMost 5m 5s",
        "switch 2 lastStale.max atMost 30m 5s", "switch 1 clientsWithStaleUse atLeast 1",
        "switch 2 clientsWithStaleUse atLeast 1");
    assertThat(suites.get(0).getAttribute("failures")).isEqualTo("1");
    List<Element> failures = children(tightCases.get(0), "failure");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getAttribute("message")).startsWith("switch 1 lastStale.max = ")
        .contains("expected <= 1m 40s").endsWith("(" + tight + ":" + line + ":" + column(tight, line) + ")");
    for (Element c : tightCases.subList(1, tightCases.size())) {
      assertThat(c.getChildNodes().getLength()).as(c.getAttribute("name")).isZero();
    }
    // A scenario without bounds is one passing testcase, so CI still lists it; its name is
    // escaped by the XML writer and made one path segment for its reports.
    List<Element> freeCases = children(suites.get(1), "testcase");
    assertThat(freeCases).singleElement().satisfies(c -> {
      assertThat(c.getAttribute("name")).isEqualTo("runs");
      assertThat(c.getChildNodes().getLength()).isZero();
    });
    assertThat(suites.get(1).getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void aBadFileIsOneLocatedLineExitTwoAndNothingRuns() throws IOException {
    Path suite = Files.createDirectory(tmp.resolve("suite"));
    Files.copy(DEFAULT, suite.resolve("a-good.yaml"));
    // Sorted last, so a suite that ran before loading everything would have run the good one.
    Path bad = suite.resolve("z-bad.yaml");
    Files.writeString(bad, Files.readString(DEFAULT).replaceFirst("duration: ", "durationn: "));
    Path junit = tmp.resolve("junit.xml");
    Path out = tmp.resolve("out");

    CliRun r = CliRun.of("suite", suite.toString(), "--junit", junit.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("dnsflip: " + bad + ":").contains("unknown key 'durationn'").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
    assertThat(junit).doesNotExist();
  }

  @Test
  void usageMistakesExitTwoBeforeAnythingRuns() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertThat(CliRun.of("suite").exit()).isEqualTo(2);
    assertThat(CliRun.of("suite", DEFAULT.toString(), "--threads", "0").exit()).isEqualTo(2);
    CliRun none = CliRun.of("suite", empty.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no *.yaml scenario files");
    CliRun junitDir = CliRun.of("suite", DEFAULT.toString(), "--junit", empty.toString());
    assertThat(junitDir.exit()).isEqualTo(2);
    assertThat(junitDir.err()).contains("it is a directory");
    assertThat(junitDir.out()).isEmpty();
    // Two scenarios of one name would write their reports to one directory.
    CliRun twice = CliRun.of("suite", DEFAULT.toString(), DEFAULT.toString(), "--out", tmp.resolve("out").toString());
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("same report directory");
    assertThat(twice.out()).isEmpty();
  }

  private static long passedCount(String table) {
    return table.lines().skip(1).limit(7).mapToLong(l -> Long.parseLong(l.trim().split(" +")[2])).sum();
  }

  private static int lineOf(String text, String needle) {
    return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
  }

  /** The column of the bound's entry on its line, as the loader reports it (from 1). */
  private static int column(Path file, int line) throws IOException {
    String text = Files.readAllLines(file).get(line - 1);
    return text.indexOf("{") + 1;
  }

  private static Document parse(Path xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(xml.toFile());
  }

  private static List<String> attributes(Element e) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < e.getAttributes().getLength(); i++) {
      names.add(e.getAttributes().item(i).getNodeName());
    }
    return names;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        assertThat(e.getTagName()).as("child of " + parent.getTagName()).isEqualTo(tag);
        found.add(e);
      }
    }
    return found;
  }
}
