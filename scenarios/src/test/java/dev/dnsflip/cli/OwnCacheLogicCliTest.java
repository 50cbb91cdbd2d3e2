package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logic: com.example.Cache} on a resolver group, with the class compiled here into a
 * directory that is not on the test's class path: found with {@code --classpath}, refused with
 * its place without it, and a logic that throws is exit 4 naming class, question and instant.
 */
class OwnCacheLogicCliTest {
  private static final String REMAINING_TTL_CACHE = """
      package com.example;

      import dev.dnsflip.authority.Question;
      import dev.dnsflip.spi.CacheLogic;
      import dev.dnsflip.spi.Reply;
      import dev.dnsflip.spi.Upstream;
      import java.util.HashMap;
      import java.util.Map;

      public final class RemainingTtlCache implements CacheLogic {
        private record Entry(Reply reply, long expiresMs) {}

        private final Map<Question, Entry> entries = new HashMap<>();

        @Override
        public Reply resolve(Question question, long nowMs, Upstream upstream) {
          Entry e = entries.get(question);
          if (e != null && nowMs < e.expiresMs()) {
            return e.reply().cached(e.expiresMs() - nowMs);
          }
          Reply fresh = upstream.ask(question, nowMs);
          if (!fresh.failed()) {
            entries.put(question, new Entry(fresh, nowMs + fresh.ttlMs()));
          }
          return fresh;
        }
      }
      """;
  private static final String THROWING_CACHE = """
      package com.example;

      import dev.dnsflip.authority.Question;
      import dev.dnsflip.spi.CacheLogic;
      import dev.dnsflip.spi.Reply;
      import dev.dnsflip.spi.Upstream;

      public final class ThrowingCache implements CacheLogic {
        @Override
        public Reply resolve(Question question, long nowMs, Upstream upstream) {
          if (nowMs >= 90_000) {
            throw new IllegalStateException("cache index out of sync");
          }
          return upstream.ask(question, nowMs);
        }
      }
      """;

  @TempDir
  static Path classes;

  @TempDir
  Path tmp;

  @BeforeAll
  static void compileTheUsersClasses() throws IOException {
    Path src = Files.createDirectories(classes.resolve("src/com/example"));
    Files.writeString(src.resolve("RemainingTtlCache.java"), REMAINING_TTL_CACHE);
    Files.writeString(src.resolve("ThrowingCache.java"), THROWING_CACHE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.resolve("out").toString(),
        "-cp", System.getProperty("java.class.path"),
        src.resolve("RemainingTtlCache.java").toString(), src.resolve("ThrowingCache.java").toString());
    assertThat(status).isZero();
  }

  private Path scenario(String logic) throws IOException {
    return Files.writeString(tmp.resolve("own.yaml"), """
        name: own
        seed: 7
        duration: 10m
        account:
          zones: [ { name: example.com, records: [ { name: www, type: A, content: 192.0.2.1, proxied: true } ] } ]
        resolvers:
          - name: isp
            count: 5
            logic: %s
        clients: [ { name: apps, count: 200, queriesPerMinute: 2, questions: [ { name: www.example.com, type: A } ] } ]
        switches: [ { at: 1m, action: enable } ]
        expect: [ { switch: 1, metric: lastStale.max, atMost: 305s } ]
        """.formatted(logic));
  }

  @Test
  void aUsersClassOnTheClassPathRunsTheGroupsCaches() throws IOException {
    Path file = scenario("com.example.RemainingTtlCache");

    CliRun run = CliRun.of("run", file.toString(), "--classpath", classes.resolve("out").toString(),
        "--out", tmp.resolve("out").toString(), "--quiet");

    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    assertThat(Files.readString(tmp.resolve("out/report.json"))).contains("\"RemainingTtlCache\"");
  }

  @Test
  void withoutTheClassPathTheLogicIsBadInputAtItsLine() throws IOException {
    Path file = scenario("com.example.RemainingTtlCache");

    CliRun run = CliRun.of("run", file.toString(), "--out", tmp.resolve("out").toString(), "--quiet");

    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err().strip()).isEqualTo("dnsflip: " + file + ":9:12: no cache logic 'com.example.RemainingTtlCache': "
        + "no class of that name on the class path (give it with --classpath DIR|JAR) and no dev.dnsflip.spi.CacheLogic "
        + "provider of that name; expected model or a class implementing dev.dnsflip.spi.CacheLogic");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void exploreFindsAPlantedBugInTheShippedScenarioAndWritesTheMinimalCaseWithItsLogic() throws IOException {
    // The shipped own-cache scenario with a planted bug's class (on this test's class path) named.
    String shipped = Files.readString(Path.of("suites/properties/own-cache.yaml"));
    Path file = Files.writeString(tmp.resolve("own-cache.yaml"),
        shipped.replace("logic: model", "logic: dev.dnsflip.spi.planted.NeverExpiresNegativeCache"));

    CliRun run = CliRun.of("explore", file.toString(), "--tries", "3", "--seed", "1", "--out",
        tmp.resolve("explore").toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(Main.BOUNDS_FAILED);
    try (var written = Files.list(tmp.resolve("explore"))) {
      Path minimal = written.findFirst().orElseThrow();
      assertThat(Files.readString(minimal)).contains("logic: dev.dnsflip.spi.planted.NeverExpiresNegativeCache");
      assertThat(CliRun.of("run", minimal.toString(), "--quiet", "--out", tmp.resolve("replay").toString()).exit())
          .isEqualTo(Main.BOUNDS_FAILED);
    }
  }

  @Test
  void aMissingClassPathEntryIsAUsageError() throws IOException {
    CliRun run = CliRun.of("run", scenario("model").toString(), "--classpath", tmp.resolve("nowhere").toString());

    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err().strip()).isEqualTo("dnsflip: --classpath entry " + tmp.resolve("nowhere") + " does not exist");
  }

  @Test
  void aLogicThatThrowsIsExitFourNamingClassQuestionAndInstant() throws IOException {
    Path file = scenario("com.example.ThrowingCache");

    CliRun run = CliRun.of("run", file.toString(), "--classpath", classes.resolve("out").toString(),
        "--out", tmp.resolve("out").toString(), "--quiet", "--threads", "1");

    assertThat(run.exit()).isEqualTo(Main.CACHE_LOGIC_FAILED);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(2); // the run's opening line, then the failure
    String failure = lines.get(1);
    // The first query at or after 90 s (seed 7) is the one that meets the exception.
    assertThat(failure).startsWith("dnsflip: cache logic com.example.ThrowingCache failed answering "
        + "www.example.com. A at simulated 1m 30.07s (90070 ms): threw java.lang.IllegalStateException: "
        + "cache index out of sync (a bug in that cache logic, not in dnsflip or the scenario); its stack trace is in ");
    Path trace = Path.of(failure.substring(failure.lastIndexOf(" in ") + 4));
    assertThat(Files.readString(trace)).contains("at com.example.ThrowingCache.resolve(ThrowingCache.java:12)");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
