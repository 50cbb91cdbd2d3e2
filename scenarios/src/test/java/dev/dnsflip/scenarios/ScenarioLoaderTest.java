package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.OriginServer;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

class ScenarioLoaderTest {
  /** A small valid scenario; each bad case changes one thing. Line numbers are on the right. */
  static final String VALID = """
      name: t
      duration: 10m
      account:
        zones:
          - name: example.com
            records:
              - { name: www, type: A, content: 192.0.2.1, proxied: true }
      resolvers:
        - { name: isp, count: 1 }
      clients:
        - name: c
          count: 1
          queriesPerMinute: 1
          questions:
            - { name: www.example.com }
      switches:
        - { at: 1m, action: enable }
      """;
  //  1 name            5 - name: example.com (key at col 7)     9 isp resolver (col 5)
  //  2 duration        6 records                              13 queriesPerMinute
  //  3 account         7 the record ({ at col 11)             15 the question ({ at col 9)
  //  4 zones           8 resolvers                            17 the switch ({ at col 5)

  /** Line 7 of VALID, the zone's only record. */
  static final String RECORD = "        - { name: www, type: A, content: 192.0.2.1, proxied: true }\n";

  static final String TOP_KEYS = "name, description, seed, replications, duration, bucket, initialCache, account, "
      + "external, resolvers, clients, initially, switches, expect, outages, origins, references, vary, properties";

  @Test
  void aSmallScenarioGetsTheDocumentedDefaults() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID, "ok.yaml");

    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.durationMs()).isEqualTo(600_000);
    assertThat(s.bucketMs()).isEqualTo(5_000);
    assertThat(s.initialCache()).isEqualTo(InitialCache.STEADY);
    assertThat(s.nameservers()).isEqualTo(2);
    assertThat(s.propagation()).isEqualTo(Propagation.DEFAULT);
    assertThat(s.account().autoTtlSeconds()).isEqualTo(300);
    assertThat(s.account().settings().saasFallbackOriginIncluded()).isTrue();
    assertThat(s.account().settings().ipv6Compatibility()).isTrue();
    assertThat(s.account().anycastV4()).isEqualTo(dev.dnsflip.authority.Account.defaultAnycastV4());
    assertThat(s.account().zones().get(0).records().get(0).record().getTTL()).isEqualTo(1);
    assertThat(s.clientGroups().get(0).queriesPerSecond()).isEqualTo(1.0 / 60);
    assertThat(s.clientGroups().get(0).resolverShares()).isEmpty();
    assertThat(s.clientGroups().get(0).questions().get(0).question().type()).isEqualTo(Type.A);
    assertThat(s.schedule().initiallyEnabled()).isFalse();
    assertThat(s.expectations()).isEmpty();
  }

  @Test
  void recordNamesAreRelativeToTheApexUnlessAbsoluteOrAlreadyFull() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID.replace(RECORD, RECORD
        + "        - { name: \"@\", type: A, content: 192.0.2.2 }\n"
        + "        - { name: a.example.com, type: A, content: 192.0.2.3 }\n"
        + "        - { name: b.example.com., type: A, content: 192.0.2.4 }\n"
        + "        - { name: c.d, type: CNAME, content: www.example.com }\n"), "ok.yaml");

    assertThat(s.account().zones().get(0).records()).extracting(r -> r.record().rdataToString().isEmpty()
        ? "" : r.record().getName() + " " + r.record().rdataToString()).containsExactly(
        "www.example.com. 192.0.2.1", "example.com. 192.0.2.2", "a.example.com. 192.0.2.3",
        "b.example.com. 192.0.2.4", "c.d.example.com. www.example.com.");
  }

  @Test
  void optionalSettingsAreRead() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID.replace("name: t\n", """
        name: t
        seed: -7
        replications: 3
        bucket: 250ms
        initialCache: warmup 10m
        initially: enabled
        expect:
          - { switch: disable, metric: staleShare, atMost: 5% }
          - { metric: lastStale.max, atMost: 1.5s, atLeast: 0ms }
          - { switch: 1, metric: clientsWithStaleUse, atLeast: 1 }
        """).replace("action: enable", "action: disable").replace("    queriesPerMinute: 1\n",
        "    queriesPerSecond: 0.5\n    resolvers: { isp: 100% }\n").replace("  zones:\n", """
          autoTtl: 60
          nameservers: 4
          propagation: { fixed: 0s }
          saasFallbackOriginIncluded: false
          ipv6Compatibility: false
          anycast: { ipv4: [198.51.100.1] }
          zones:
        """), "ok.yaml");

    assertThat(s.seed()).isEqualTo(-7);
    assertThat(s.replications()).isEqualTo(3);
    assertThat(s.bucketMs()).isEqualTo(250);
    assertThat(s.initialCache()).isEqualTo(InitialCache.warmup(600_000));
    assertThat(s.schedule().initiallyEnabled()).isTrue();
    assertThat(s.account().autoTtlSeconds()).isEqualTo(60);
    assertThat(s.nameservers()).isEqualTo(4);
    assertThat(s.propagation()).isEqualTo(new Propagation.Fixed(0));
    assertThat(s.account().settings().saasFallbackOriginIncluded()).isFalse();
    assertThat(s.account().settings().ipv6Compatibility()).isFalse();
    assertThat(s.account().anycastV4()).hasSize(1);
    assertThat(s.account().anycastV6()).isEqualTo(dev.dnsflip.authority.Account.defaultAnycastV6());
    assertThat(s.clientGroups().get(0).queriesPerSecond()).isEqualTo(0.5);
    assertThat(s.clientGroups().get(0).resolverShares()).isEqualTo(Map.of("isp", 1.0));
    assertThat(s.expectations()).containsExactly(
        new Expectation("disable", "staleShare", 0.05, null, "ok.yaml:8:5"),
        new Expectation("all", "lastStale.max", 1500.0, 0.0, "ok.yaml:9:5"),
        new Expectation("1", "clientsWithStaleUse", null, 1.0, "ok.yaml:10:5"));
  }

  @Test
  void outagesAreRead() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID + "outages:\n  - { from: 2m, to: 3m }\n  - { from: 0s, to: 10m }\n", "ok.yaml");

    assertThat(s.outages()).containsExactly(new Outage(120_000, 180_000), new Outage(0, 600_000));
    assertThat(ScenarioLoader.parse(VALID, "ok.yaml").outages()).isEmpty();
  }

  @Test
  void originsAreReadWithCapacityAndCertificate() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID + "origins:\n  - { address: 192.0.2.1, requestsPerSecond: 250, "
        + "certificate: origin-ca }\n", "ok.yaml");

    assertThat(s.origins()).containsExactly(new OriginServer("192.0.2.1", 250, false));
    assertThat(ScenarioLoader.parse(VALID + "origins:\n  - { address: 192.0.2.1 }\n", "ok.yaml").origins())
        .containsExactly(new OriginServer("192.0.2.1", Double.NaN, true));
  }

  @Test
  void originsThatNoRecordHoldsOrSayNothingUsableAreRefusedWhereWritten() {
    String base = VALID + "origins:\n";
    assertBad(base + "  - { address: 192.0.2.9 }\n", "bad.yaml:19:16: 192.0.2.9 is in no A or AAAA record of the "
        + "account or an external zone; origins there: 192.0.2.1");
    assertBad(base + "  - { address: 192.0.2.1 }\n  - { address: 192.0.2.1 }\n",
        "bad.yaml:20:16: origin 192.0.2.1 is stated twice");
    assertBad(base + "  - { address: www.example.com }\n", "bad.yaml:19:16: 'www.example.com' is not an IPv4 address");
    assertBad(base + "  - { address: 192.0.2.1, requestsPerSecond: 0 }\n",
        "bad.yaml:19:46: requestsPerSecond must be a number > 0, got 0");
    assertBad(base + "  - { address: 192.0.2.1, certificate: lets-encrypt }\n", "bad.yaml:19:40: unknown certificate "
        + "'lets-encrypt'; expected public (trusted by browsers), origin-ca (Cloudflare Origin CA, trusted only by "
        + "Cloudflare) or self-signed");
    assertBad(base + "  - { address: 192.0.2.1, capacity: 5 }\n", "bad.yaml:19:27: unknown key 'capacity' in origins[0]; "
        + "expected one of: address, requestsPerSecond, certificate");
  }

  @Test
  void referencesBecomeOneMarkPerSelectedSwitch() throws InputException {
    String twoSwitches = VALID.replace("  - { at: 1m, action: enable }\n",
        "  - { at: 1m, action: enable }\n  - { at: 5m, action: disable }\n");
    Scenario s = ScenarioLoader.parse(twoSwitches + "references:\n"
        + "  - { at: 60s, staleShare: 10%, label: published }\n"
        + "  - { switch: disable, at: 4m, clientsStale: 0.02, label: tail }\n", "ok.yaml");

    assertThat(s.references()).containsExactly(
        new ReferenceMark(0, 60_000, ReferenceMark.Curve.STALE_SHARE, 0.1, "published"),
        new ReferenceMark(1, 60_000, ReferenceMark.Curve.STALE_SHARE, 0.1, "published"),
        new ReferenceMark(1, 240_000, ReferenceMark.Curve.CLIENTS_STALE, 0.02, "tail"));
  }

  @Test
  void referencesPastTheWindowOrWithoutOneCurveAreRefused() {
    String base = VALID + "references:\n";
    // The enable at 1m has a window of 9m: 9m is its first instant past it, 8m 59.999s its last inside.
    assertBad(base + "  - { at: 9m, staleShare: 10%, label: x }\n",
        "bad.yaml:19:11: at 9m is past the window of switch 1 (9m 0s), so the mark could not be drawn");
    assertThat(catchThrowableOfType(() -> ScenarioLoader.parse(base + "  - { at: 539999ms, staleShare: 10%, label: x }\n",
        "ok.yaml"), InputException.class)).isNull();
    assertBad(base + "  - { at: 1m, label: x }\n", "bad.yaml:19:5: a reference needs exactly one of staleShare (the "
        + "stale share of uses) or clientsStale (the share of clients still stale)");
    assertBad(base + "  - { at: 1m, staleShare: 10%, clientsStale: 1%, label: x }\n", "bad.yaml:19:5: a reference "
        + "needs exactly one of staleShare (the stale share of uses) or clientsStale (the share of clients still stale)");
    assertBad(base + "  - { at: 1m, staleShare: 120%, label: x }\n", "bad.yaml:19:27: a share is at most 100%, got 120%");
    assertBad(base + "  - { switch: disable, at: 1m, staleShare: 1%, label: x }\n",
        "bad.yaml:19:15: switch: disable selects nothing: the scenario has no 'disable' switch");
  }

  @Test
  void outagesOutsideTheRunOrEmpty() {
    String base = VALID + "outages:\n";
    assertBad(base + "  - { from: 11m, to: 12m }\n", "bad.yaml:19:13: outage from 11m is outside the run [0, 10m]");
    assertBad(base + "  - { from: 5m, to: 11m }\n", "bad.yaml:19:21: outage to 11m is outside the run [0, 10m]");
    assertBad(base + "  - { from: 5m, to: 5m }\n",
        "bad.yaml:19:21: outage to 5m is not after from 5m; an outage needs from < to");
    assertBad(base + "  - { from: 6m, to: 5m }\n",
        "bad.yaml:19:21: outage to 5m is not after from 6m; an outage needs from < to");
    assertBad(base + "  - { from: 5m }\n", "bad.yaml:19:5: missing required key 'to' in outages[0]");
    assertBad(base + "  - { from: 5m, until: 6m }\n",
        "bad.yaml:19:17: unknown key 'until' in outages[0]; expected one of: from, to, loss, nameservers");
  }

  @Test
  void partialOutagesNameTheirLossAndNameservers() throws InputException {
    // The account has the default 2 nameservers.
    Scenario s = ScenarioLoader.parse(VALID + "outages:\n  - { from: 2m, to: 3m, loss: 30%, nameservers: [2] }\n"
        + "  - { from: 4m, to: 5m, loss: 100%, nameservers: [1, 2] }\n  - { from: 6m, to: 7m, loss: 0.000001 }\n",
        "ok.yaml");

    assertThat(s.outages()).containsExactly(new Outage(120_000, 180_000, 0.3, List.of(1)),
        new Outage(240_000, 300_000, 1.0, List.of(0, 1)), new Outage(360_000, 420_000, 0.000001, List.of()));
    assertThat(s.outages().get(1).total()).as("every nameserver named is not 'all' for the model's shortcut").isFalse();
  }

  @Test
  void partialOutagesAtTheirEdges() {
    String base = VALID + "outages:\n";
    assertBad(base + "  - { from: 5m, to: 6m, loss: 0% }\n",
        "bad.yaml:19:31: an outage's loss is the share of queries lost, above 0% and at most 100%, got 0%");
    assertBad(base + "  - { from: 5m, to: 6m, loss: 100.1% }\n",
        "bad.yaml:19:31: an outage's loss is the share of queries lost, above 0% and at most 100%, got 100.1%");
    assertBad(base + "  - { from: 5m, to: 6m, nameservers: [0] }\n",
        "bad.yaml:19:39: an outage names nameservers by number, 1 to 2 (the account has 2), got 0");
    assertBad(base + "  - { from: 5m, to: 6m, nameservers: [3] }\n",
        "bad.yaml:19:39: an outage names nameservers by number, 1 to 2 (the account has 2), got 3");
    assertBad(base + "  - { from: 5m, to: 6m, nameservers: [2, 2] }\n",
        "bad.yaml:19:42: nameserver 2 is named twice in this outage");
    assertBad(base + "  - { from: 5m, to: 6m, nameservers: [] }\n",
        "bad.yaml:19:38: an outage's nameservers list is empty; leave it out to affect all of them");
  }

  @Test
  void loadNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    java.nio.file.Files.writeString(file, VALID.replace("duration: 10m", "duration: 10"));

    InputException e = catchThrowableOfType(InputException.class, () -> ScenarioLoader.load(file));

    assertThat(e.getMessage()).isEqualTo(file + ":2:11: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertThat(e.file()).isEqualTo(file.toString());
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.problem()).isEqualTo("expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertThat(catchThrowableOfType(InputException.class, () -> ScenarioLoader.load(dir.resolve("none.yaml"))))
        .hasMessage(dir.resolve("none.yaml") + ":1:1: no such file");
  }

  // --- bad input: each names file, line and column exactly ---

  @Test
  void malformedYaml() {
    assertBad("name: t\nduration: [10m\n",
        "bad.yaml:3:1: malformed YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence at 2:11)");
    assertBad("name: t\n  duration: 10m\n",
        "bad.yaml:2:11: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void unknownKeyAtTopLevel() {
    assertBad(VALID.replace("duration: 10m", "duration: 10m\ndurration: 5m"),
        "bad.yaml:3:1: unknown key 'durration' at top level; expected one of: " + TOP_KEYS);
  }

  @Test
  void unknownKeyInARecord() {
    assertBad(VALID.replace("proxied: true }", "proxied: true, ttll: 60 }"),
        "bad.yaml:7:68: unknown key 'ttll' in account.zones[0].records[0]; "
            + "expected one of: name, type, content, ttl, proxied, category, flatten");
  }

  @Test
  void recordTtlsAndSoaMinimumStayInsideWhatCloudflareAccepts() throws InputException {
    String dnsOnly = VALID.replace("proxied: true }", "ttl: TTL }");
    String message = "a record's TTL at Cloudflare is 1 (Auto) or 60 s to 1 day (30 s on Enterprise), got ";
    assertBad(dnsOnly.replace("TTL", "29"), "bad.yaml:7:58: " + message + "29; for a what-if on proxied answers "
        + "change account.autoTtl");
    assertBad(dnsOnly.replace("TTL", "86401"), "bad.yaml:7:58: " + message + "86401; for a what-if on proxied "
        + "answers change account.autoTtl");
    for (String ok : new String[] {"1", "30", "86400"}) {
      assertThat(ScenarioLoader.parse(dnsOnly.replace("TTL", ok), "ok.yaml").account().zones().get(0).records().get(0)
          .record().getTTL()).isEqualTo(Long.parseLong(ok));
    }
    String external = VALID.replace("resolvers:\n", "external:\n  - name: example.net\n    records:\n"
        + "      - { name: cdn, type: A, content: 192.0.2.9, ttl: 5 }\nresolvers:\n");
    assertThat(ScenarioLoader.parse(external, "ok.yaml").account().externalZones()).hasSize(1);

    String soa = VALID.replace("      records:", "      soa: { minimum: MIN }\n      records:");
    assertBad(soa.replace("MIN", "59"), "bad.yaml:6:23: SOA minimum at Cloudflare is 60 to 86400 seconds, got 59");
    assertBad(soa.replace("MIN", "86401"), "bad.yaml:6:23: SOA minimum at Cloudflare is 60 to 86400 seconds, got 86401");
    assertThat(ScenarioLoader.parse(soa.replace("MIN", "60"), "ok.yaml").account().zones().get(0).soa()
        .minimumSeconds()).isEqualTo(60);
  }

  @Test
  void negativeOrZeroTtl() {
    String dnsOnly = VALID.replace("proxied: true }", "ttl: -5 }");
    assertBad(dnsOnly, "bad.yaml:7:58: TTL must be >= 1 (1 = Auto)");
    assertBad(dnsOnly.replace("ttl: -5", "ttl: 0"), "bad.yaml:7:58: TTL must be >= 1 (1 = Auto)");
    assertBad(VALID.replace("  zones:", "  autoTtl: 0\n  zones:"),
        "bad.yaml:4:12: autoTtl must be > 0 and <= 2147483647 seconds, got 0");
    assertBad(VALID.replace("      records:", "      soa: { ttl: 3600, minimum: -1 }\n      records:"),
        "bad.yaml:6:34: SOA minimum must be >= 0 and <= 2147483647 seconds, got -1");
  }

  @Test
  void aProxiedRecordsTtlIsAlwaysAuto() {
    assertBad(VALID.replace("proxied: true }", "proxied: true, ttl: 300 }"),
        "bad.yaml:7:73: a proxied record's TTL is always Auto: leave ttl out or set it to 1");
  }

  @Test
  void switchOutsideTheRun() {
    assertBad(VALID.replace("at: 1m", "at: 0s"), "bad.yaml:17:11: switch at 0s is outside the run (0, 10m)");
    assertBad(VALID.replace("at: 1m", "at: 10m"), "bad.yaml:17:11: switch at 10m is outside the run (0, 10m)");
    assertBad(VALID.replace("at: 1m", "at: 80m"), "bad.yaml:17:11: switch at 80m is outside the run (0, 10m)");
  }

  @Test
  void switchesThatDoNotAlternate() {
    assertBad(VALID + "  - { at: 2m, action: enable }\n",
        "bad.yaml:18:5: switch at 2m would enable an already enabled setting; enable and disable must alternate");
    assertBad(VALID.replace("action: enable", "action: disable"),
        "bad.yaml:17:5: switch at 1m would disable an already disabled setting; enable and disable must alternate "
            + "(initially: disabled)");
  }

  @Test
  void switchesOutOfOrder() {
    assertBad(VALID + "  - { at: 1m, action: disable }\n",
        "bad.yaml:18:5: switch at 1m is not after the previous one at 1m; switches must be in strictly increasing time");
  }

  @Test
  void unknownRecordType() {
    assertBad(VALID.replace("type: A,", "type: MX,"),
        "bad.yaml:7:30: unknown record type 'MX'; expected A, AAAA or CNAME");
  }

  @Test
  void badAddresses() {
    assertBad(VALID.replace("192.0.2.1", "192.0.2.300"), "bad.yaml:7:42: '192.0.2.300' is not an IPv4 address");
    assertBad(VALID.replace("type: A, content: 192.0.2.1", "type: AAAA, content: 192.0.2.1"),
        "bad.yaml:7:45: '192.0.2.1' is not an IPv6 address");
  }

  @Test
  void proxiedRecordInAnExternalZone() {
    assertBad(VALID.replace("resolvers:\n", """
        external:
          - name: example.net
            records:
              - { name: origin, type: A, content: 198.51.100.1, proxied: true }
        resolvers:
        """),
        "bad.yaml:11:66: external zones are outside the account and DNS-only: a record here cannot be proxied");
  }

  @Test
  void unknownResolverGroupInClientShares() {
    assertBad(VALID.replace("    queriesPerMinute: 1\n", "    queriesPerMinute: 1\n    resolvers: { isp: 0.5, pubic: 0.5 }\n"),
        "bad.yaml:14:28: unknown resolver group 'pubic' in clients[0].resolvers; expected one of: isp");
  }

  @Test
  void missingRequiredKey() {
    assertBad(VALID.replace("duration: 10m\n", ""), "bad.yaml:1:1: missing required key 'duration' at top level");
    assertBad(VALID.replace("type: A, ", ""),
        "bad.yaml:7:11: missing required key 'type' in account.zones[0].records[0]");
  }

  @Test
  void duplicateKey() {
    assertBad(VALID.replace("duration: 10m", "duration: 10m\nname: u"),
        "bad.yaml:3:1: duplicate key 'name' at top level (first at 1:1)");
    assertBad(VALID.replace("proxied: true }", "proxied: true, type: AAAA }"),
        "bad.yaml:7:68: duplicate key 'type' in account.zones[0].records[0] (first at 7:24)");
  }

  @Test
  void durationsAtTheirEdges() {
    assertBad(VALID.replace("duration: 10m", "duration: 10m\nbucket: 0ms"), "bad.yaml:3:9: bucket must be > 0, got 0ms");
    assertBad(VALID.replace("duration: 10m", "duration: 1.0005s"),
        "bad.yaml:2:11: 1.0005s is not a whole number of milliseconds");
    assertBad(VALID.replace("duration: 10m", "duration: 10"),
        "bad.yaml:2:11: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
  }

  @Test
  void bucketOfOneMillisecondIsAllowed() throws InputException {
    assertThat(ScenarioLoader.parse(VALID.replace("duration: 10m", "duration: 10m\nbucket: 1ms"), "ok.yaml")
        .bucketMs()).isEqualTo(1);
  }

  @Test
  void questionOutsideEveryZone() {
    assertBad(VALID.replace("name: www.example.com }", "name: www.other.org }"),
        "bad.yaml:15:17: www.other.org is in no zone of the account and no external zone");
  }

  @Test
  void cnameLeavingEveryZone() {
    assertBad(VALID.replace("type: A, content: 192.0.2.1", "type: CNAME, content: origin.other.net"),
        "bad.yaml:15:17: resolving www.example.com A with the switch enabled: "
            + "origin.other.net. is in no zone of the account and no external zone");
  }

  @Test
  void cnameSharingItsName() {
    assertBad(VALID.replace(RECORD, RECORD + "        - { name: www, type: CNAME, content: example.net }\n"),
        "bad.yaml:8:11: www.example.com has a CNAME, which cannot share its name with other records (first record at 7:11)");
  }

  @Test
  void aModelConstructorsRefusalIsLocatedAtItsMapping() {
    assertBad(VALID.replace("  zones:", "  propagation: { uniform: [5s, 1s] }\n  zones:"),
        "bad.yaml:4:27: uniform propagation needs 0 <= min <= max");
  }

  @Test
  void expectationsAreCheckedAgainstMetricsAndSwitches() {
    String base = VALID + "expect:\n";
    assertBad(base + "  - { switch: enable, metric: lastStale.max, atMost: 306 }\n",
        "bad.yaml:19:54: lastStale.max is a duration: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertBad(base + "  - { switch: enable, metric: staleShare, atMost: 5 }\n",
        "bad.yaml:19:51: staleShare is a fraction between 0 and 1 (0% to 100%), got 5");
    assertBad(base + "  - { switch: disable, metric: staleShare, atMost: 5% }\n",
        "bad.yaml:19:15: switch: disable selects nothing: the scenario has no 'disable' switch");
    assertBad(base + "  - { switch: 2, metric: staleShare, atMost: 5% }\n",
        "bad.yaml:19:15: switch 2 does not exist: the scenario has 1 switch");
    assertBad(base + "  - { switch: 0, metric: staleShare, atMost: 5% }\n",
        "bad.yaml:19:15: switch 0 does not exist: switches are numbered from 1, as in every report");
    assertBad(base + "  - { switch: 00, metric: staleShare, atMost: 5% }\n",
        "bad.yaml:19:15: switch 0 does not exist: switches are numbered from 1, as in every report");
    assertBad(base + "  - { metric: lastStale.maks, atMost: 5m }\n",
        "bad.yaml:19:15: unknown metric 'lastStale.maks'; expected one of: "
            + String.join(", ", ExpectationMapping.METRICS.keySet()));
    assertBad(base + "  - { metric: lastStale.max }\n",
        "bad.yaml:19:5: an expectation needs atMost or atLeast (or both)");
  }

  @Test
  void outageBoundsNameAnOutageOfTheFileAndAnOutageFigure() throws InputException {
    String base = VALID + "outages:\n  - { from: 2m, to: 4m }\nexpect:\n";
    // line 21: the bound; "  - { outage: " puts its value at col 15, metric's at col 26
    Scenario s = ScenarioLoader.parse(base + "  - { outage: 1, metric: rideThrough.share, atLeast: 50%, atMost: 0.9 }\n",
        "ok.yaml");
    assertThat(s.expectations()).containsExactly(
        dev.dnsflip.simulation.Expectation.onOutage(1, "rideThrough.share", 0.9, 0.5, "ok.yaml:21:5"));
    assertBad(base + "  - { outage: 2, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:21:15: outage 2 does not exist: the scenario declares 1 outage");
    assertBad(base + "  - { outage: 0, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:21:15: outage 0 does not exist: outages are numbered from 1, in the order of outages:");
    assertBad(base + "  - { outage: first, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:21:15: outage: expected an outage number (1, 2, ...), got 'first'");
    assertBad(base + "  - { outage: 1, metric: staleShare, atLeast: 50% }\n",
        "bad.yaml:21:26: unknown outage metric 'staleShare'; expected one of: answered.share, rideThrough.share");
    assertBad(base + "  - { outage: 1, metric: answered.share, atLeast: 150% }\n",
        "bad.yaml:21:51: answered.share is a fraction between 0 and 1 (0% to 100%), got 150%");
    assertBad(base + "  - { outage: 1, metric: answered.share, atLeast: 5m }\n",
        "bad.yaml:21:51: answered.share is a fraction: write e.g. 5% or 0.05, not a duration");
    assertBad(base + "  - { outage: 1, metric: answered.share }\n",
        "bad.yaml:21:5: an expectation needs atMost or atLeast (or both)");
    assertBad(base + "  - { outage: 1, switch: 1, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:21:26: a bound on an outage takes no switch: (it bounds a figure inside outage 1)");
    assertBad(base + "  - { switch: 1, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:21:26: answered.share is a figure of an outage: name it with outage: N (numbered from 1 in the "
            + "order of outages:)");
    assertBad(VALID + "expect:\n  - { outage: 1, metric: answered.share, atLeast: 50% }\n",
        "bad.yaml:19:15: outage 1 does not exist: the scenario declares 0 outages");
  }

  @Test
  void wrongShapesNameWhatWasExpected() {
    assertBad("- a\n", "bad.yaml:1:1: expected a mapping at top level, found a list");
    assertBad("", "bad.yaml:1:1: the file is empty; expected a scenario (name, duration, account, resolvers, clients, ...)");
    assertBad(VALID.replace("resolvers:\n  - { name: isp, count: 1 }\n", "resolvers: isp\n"),
        "bad.yaml:8:12: expected a list for resolvers, found 'isp'");
    assertBad(VALID.replace("name: t", "name: t\n---\nname: u"),
        "bad.yaml:3:1: only one YAML document per file is supported");
    assertBad(VALID.replace("name: t", "name: &n t\ndescription: *n"),
        "bad.yaml:2:14: aliases (*n) are not supported; write the value out");
  }

  private static void assertBad(String yaml, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }
}
