package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.testing.Dnsflip;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shipped scenario's report.html as a real browser shows it: Debian's Chromium, headless,
 * renders the page; the DOM it built must hold every chart with its series, axis titles and
 * legend, no script, and the page must forbid requests; the screenshot must not be blank.
 *
 * <p>Chromium is required: {@code ./run-tests} installs it. Only when it is missing and
 * {@code DNSFLIP_BROWSER_TESTS=optional} is set does the test skip, saying so.
 */
class ReportInBrowserTest {
  /** Runs kept short: two replications at most (enough for the runs' band), two threads. */
  private static final int MAX_REPLICATIONS = 2;
  private static final long CHROMIUM_SECONDS = 120;
  private static final Pattern CHART = Pattern.compile(
      "<svg class=\"chart\"[^>]*data-series-count=\"(\\d+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL);

  private static Path chromium;

  @TempDir
  Path tmp;

  @BeforeAll
  static void findChromium() {
    String override = System.getenv("DNSFLIP_CHROMIUM");
    Path found = override != null ? Path.of(override) : onPath("chromium");
    if (found == null || !Files.isExecutable(found)) {
      boolean optional = "optional".equals(System.getenv("DNSFLIP_BROWSER_TESTS"));
      String why = "Chromium not found (apt-get install -y chromium, or DNSFLIP_CHROMIUM=/path/to/chromium)";
      Assumptions.assumeTrue(!optional, why + "; skipped because DNSFLIP_BROWSER_TESTS=optional");
      throw new AssertionError(why + "; set DNSFLIP_BROWSER_TESTS=optional to skip browser tests on purpose");
    }
    chromium = found;
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "resolver-mix", "flavel-2014", "moura-2018", "imported"})
  void theReportRendersWithEveryChartAndIsNotBlank(String suite) throws Exception {
    LoadedScenario loaded = Dnsflip.load(Path.of("suites", suite + ".yaml"));
    loaded = loaded.withScenario(loaded.scenario()
        .withReplications(Math.min(MAX_REPLICATIONS, loaded.scenario().replications())));
    TransitionReport report = Dnsflip.run(loaded, 2);
    String html = HtmlReport.render(report);
    Path page = tmp.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);

    // No request can leave the page: the policy forbids all, and nothing in it names a place.
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .doesNotContain("http:", "https:", "//", "src=", "href=", "url(", "@import", "<script");

    Browser dom = chromium("--dump-dom", page);
    assertThat(dom.exit()).as(dom.err()).isZero();
    assertThat(dom.out()).as("the browser built the page").contains("</html>").contains("id=\"verdict\"")
        .doesNotContain("<script");
    // Chromium logs every console message (script errors, policy violations) as "...:CONSOLE:...".
    assertThat(dom.err()).as("no console message at all").doesNotContain(":CONSOLE", "Uncaught", "Content Security Policy");
    assertThat(chartSeries(dom.out())).isEqualTo(expectedSeries(report, report.replications()));
    if (!report.references().isEmpty()) {
      assertThat(dom.out()).as("the scenario's published figures are drawn").contains("data-series=\"published (references:)\"");
    }
    if (report.events().stream().anyMatch(e -> e.kinds().size() > 1)) {
      assertThat(dom.out()).as("curves per resolver kind").contains("by resolver kind</title>")
          .contains("stale share of the kind's uses");
    }
    if (!report.answering().outages().isEmpty()) {
      assertThat(dom.out()).as("the answered share over the run").contains("answered share over the run</title>")
          .contains("data-series=\"outage windows\"");
    }
    if (report.readiness().switches().stream().anyMatch(r -> !r.originLoad().isEmpty())) {
      assertThat(dom.out()).as("the origin load chart").contains("origin load</title>").contains("requests per second");
    }
    Matcher chart = CHART.matcher(dom.out());
    while (chart.find()) {
      String body = chart.group(2);
      assertThat(count(body, "data-series=")).isEqualTo(Integer.parseInt(chart.group(1)));
      assertThat(body).containsPattern("class=\"axis-title x\"[^>]*>[^<]+</text>")
          .containsPattern("class=\"axis-title y\"[^>]*>[^<]+</text>").contains("<g class=\"legend\">");
    }

    Path png = tmp.resolve("report.png");
    Browser shot = chromium("--screenshot=" + png, page);
    assertThat(shot.exit()).as(shot.err()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG the browser wrote").isNotNull();
    long pixels = (long) image.getWidth() * image.getHeight();
    int background = image.getRGB(0, 0);
    long drawn = 0;
    long coloured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (rgb != background) {
          drawn++;
        }
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    assertThat(drawn).as("text, tables and charts cover part of the page").isGreaterThan(pixels / 50);
    assertThat(coloured).as("the verdict and the charts are in colour").isGreaterThan(pixels / 1000);
  }

  /** What each chart should hold, in page order, from the report itself. */
  private static List<Integer> expectedSeries(TransitionReport report, int replications) {
    List<Integer> counts = new ArrayList<>();
    // The readiness section first: per enable the origin load (a line per address, at most six, and
    // one series of the stated capacities), per disable with holders their curves (clients, resolvers).
    for (SwitchReadiness s : report.readiness().switches()) {
      if (s.direction() == SwitchDirection.ENABLE && !s.originLoad().isEmpty()) {
        List<OriginLoad> shown = s.originLoad().subList(0, Math.min(6, s.originLoad().size()));
        counts.add(shown.size() + (shown.stream().anyMatch(o -> o.capacityPerSecond() != null) ? 1 : 0));
      }
      if (s.direction() == SwitchDirection.DISABLE && s.clients().held() > 0) {
        counts.add(2);
      }
    }
    // Then the answered share over the run, when there are outages: everyone, the outage band and,
    // with several resolver groups, a line per group (at most five).
    if (report.answering().counted() && !report.answering().outages().isEmpty()) {
      int groups = report.answering().byResolverGroup().size();
      counts.add(2 + (groups > 1 ? Math.min(5, groups) : 0));
    }
    for (EventReport e : report.events()) {
      long windowMs = e.windowEndMs() - e.atMs();
      int band = replications > 1 ? 1 : 0;
      long zoom = HtmlReport.zoomSpan(e.series(), windowMs);
      if (zoom > 0) {
        counts.add(1 + band + (e.closedForm().stream().anyMatch(p -> p.offsetMs() <= zoom) ? 1 : 0)
            + marks(report, e, ReferenceMark.Curve.STALE_SHARE, zoom));
      }
      counts.add(1 + band + (e.closedForm().isEmpty() ? 0 : 1)
          + marks(report, e, ReferenceMark.Curve.STALE_SHARE, windowMs));
      // Stale share per resolver kind: a line per kind (at most six), when there are several.
      int kinds = (int) Math.min(6, e.kinds().size());
      if (kinds > 1) {
        counts.add(kinds);
      }
      if (e.lastStaleCurve() != null && e.lastStaleCurve().clients() > 0) {
        counts.add(1 + (e.find("lastStale.p50").isPresent() ? 1 : 0) + (e.find("lastStale.p99").isPresent() ? 1 : 0));
        counts.add(1 + marks(report, e, ReferenceMark.Curve.CLIENTS_STALE, windowMs));
      }
    }
    return counts;
  }

  /** One series of points when the scenario cites published figures for this curve within the axis. */
  private static int marks(TransitionReport report, EventReport e, ReferenceMark.Curve curve, long endMs) {
    return report.references().stream().anyMatch(m -> m.index() == e.index() && m.curve() == curve
        && m.atMs() <= endMs) ? 1 : 0;
  }

  private static List<Integer> chartSeries(String dom) {
    List<Integer> counts = new ArrayList<>();
    Matcher m = CHART.matcher(dom);
    while (m.find()) {
      counts.add(Integer.parseInt(m.group(1)));
    }
    return counts;
  }

  private record Browser(int exit, String out, String err) {}

  /** One headless Chromium run on a fresh profile, with every background service off. */
  private Browser chromium(String what, Path page) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    Path out = tmp.resolve("chromium.out");
    Path err = tmp.resolve("chromium.err");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--window-size=1280,2400", what,
        page.toUri().toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(CHROMIUM_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish in " + CHROMIUM_SECONDS + " s: " + Files.readString(err));
    }
    return new Browser(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
      n++;
    }
    return n;
  }
}
