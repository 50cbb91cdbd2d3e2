package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class ImporterTest {
  static final Path DIR = Path.of("src/test/resources/imports");
  static final Path COM = DIR.resolve("example.com.txt");
  static final Path ORG = DIR.resolve("example.org.txt");
  static final Path NET_1 = DIR.resolve("api/example.net-page1.json");
  static final Path NET_2 = DIR.resolve("api/example.net-page2.json");
  static final Path DEV = DIR.resolve("api/example.dev.json");

  static Name name(String text) {
    return Name.fromConstantString(text);
  }

  static DnsRecord find(ImportedAccount account, String owner, int type) {
    return account.zones().stream().flatMap(z -> z.records().stream())
        .filter(r -> r.record().getName().equals(name(owner)) && r.type() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + Type.string(type) + " at " + owner));
  }

  @Test
  void importsTwoBindZonesAtOnce() throws InputException {
    ImportedAccount account = Importer.load(List.of(ORG, COM), Map.of());

    assertThat(account.zones()).extracting(z -> z.apex().toString()).containsExactly("example.com.", "example.org.");
    ImportSummary.ZoneSummary com = account.summary().zones().get(0);
    assertThat(com.records()).isEqualTo(15);
    assertThat(com.proxied()).isEqualTo(10);
    assertThat(com.dnsOnly()).isEqualTo(5);
    assertThat(com.autoTtl()).isEqualTo(12);
    assertThat(com.proxiedNotStated()).isEqualTo(2); // legacy (no comment), docs (cf_tags without cf-proxied)
    assertThat(com.unmodelledTypes()).containsExactly(Map.entry("MX", 1), Map.entry("NS", 2), Map.entry("TXT", 2));
    assertThat(com.records(Category.REGULAR)).isEqualTo(11);
    assertThat(com.records(Category.TUNNEL)).isEqualTo(1);
    assertThat(com.records(Category.R2_CUSTOM_DOMAIN)).isEqualTo(1);
    assertThat(com.records(Category.WEB3_GATEWAY)).isEqualTo(1);
    assertThat(com.records(Category.WORKERS_CUSTOM_DOMAIN)).isEqualTo(1);
    assertThat(account.otherRecords(name("example.com."))).extracting(r -> Type.string(r.getType()))
        .containsExactly("NS", "NS", "MX", "TXT", "TXT");
    assertThat(account.otherRecords(name("example.org."))).isEmpty();
    assertThat(account.externalTargets()).extracting(n -> n.toString(true)).containsExactly(
        // DNS canonical order: by top-level domain first, so targets of one zone stay together.
        "6f1c2a7e-3b9d-4c58-a1e2-7d0b9c4f5e31.cfargotunnel.com", "ethereum.cloudflare.com", "public.r2.dev",
        "docs-host.example.net", "shop-origin.example.net");
  }

  @Test
  void recordsKeepFlagsTtlsAndCategories() throws InputException {
    ImportedAccount account = Importer.load(List.of(COM), Map.of());

    DnsRecord www = find(account, "www.example.com.", Type.A);
    assertThat(www.proxied()).isTrue();
    assertThat(www.isAutoTtl()).isTrue();
    assertThat(find(account, "status.example.com.", Type.A).record().getTTL()).isEqualTo(300);
    assertThat(find(account, "docs.example.com.", Type.CNAME).flatten()).isTrue();
    assertThat(find(account, "tunnel.example.com.", Type.CNAME).category()).isEqualTo(Category.TUNNEL);
    assertThat(find(account, "assets.example.com.", Type.CNAME).category()).isEqualTo(Category.R2_CUSTOM_DOMAIN);
    assertThat(find(account, "eth.example.com.", Type.CNAME).category()).isEqualTo(Category.WEB3_GATEWAY);
    assertThat(find(account, "edge.example.com.", Type.AAAA).category()).isEqualTo(Category.WORKERS_CUSTOM_DOMAIN);
    assertThat(find(account, "mail.example.com.", Type.A).proxied()).isFalse();
  }

  @Test
  void overridesWinOverDetection() throws InputException {
    ImportedAccount account = Importer.load(List.of(COM), Map.of(
        name("edge.example.com."), Category.WORKER_ROUTE,
        name("ssh.example.com."), Category.SPECTRUM,
        name("gone.example.com."), Category.LOAD_BALANCER));

    assertThat(find(account, "edge.example.com.", Type.AAAA).category()).isEqualTo(Category.WORKER_ROUTE);
    assertThat(find(account, "ssh.example.com.", Type.A).category()).isEqualTo(Category.SPECTRUM);
    ImportSummary.ZoneSummary com = account.summary().zones().get(0);
    assertThat(com.categories()).contains(
        new ImportSummary.CategoryCount(Category.WORKER_ROUTE, "override", 1),
        new ImportSummary.CategoryCount(Category.SPECTRUM, "override", 1));
    assertThat(com.records(Category.WORKERS_CUSTOM_DOMAIN)).isZero();
    assertThat(account.summary().unusedOverrides()).containsExactly(name("gone.example.com."));
  }

  @Test
  void apiPagesAndBindExportsMix() throws InputException {
    ImportedAccount account = Importer.load(List.of(NET_2, COM, DEV, ORG, NET_1), Map.of());

    assertThat(account.zones()).extracting(z -> z.apex().toString(true))
        .containsExactly("example.com", "example.dev", "example.net", "example.org");
    // example.net's CNAME targets now lie inside imported zones.
    assertThat(account.externalTargets()).extracting(n -> n.toString(true)).containsExactly(
        "6f1c2a7e-3b9d-4c58-a1e2-7d0b9c4f5e31.cfargotunnel.com", "ethereum.cloudflare.com", "ipfs.cloudflare.com",
        "public.r2.dev");
    Zone net = account.zones().get(2);
    assertThat(net.records()).extracting(r -> r.record().getName().toString(true) + " " + r.category().key())
        .containsExactly("example.net regular", "www.example.net regular", "legacy-tunnel.example.net tunnel",
            "docs.example.net regular", "edge.example.net workers-custom-domain", "route.example.net regular");
    assertThat(account.otherRecords(name("example.net."))).extracting(r -> Type.string(r.getType()))
        .containsExactly("MX", "TXT");
    assertThat(account.summary().zones().get(1).proxiedNotStated()).isEqualTo(1);
  }

  @Test
  void theSummaryRendersDeterministically() throws InputException {
    ImportedAccount account = Importer.load(List.of(COM, NET_1, NET_2),
        Map.of(name("ssh.example.com."), Category.SPECTRUM, name("gone.example.com."), Category.LOAD_BALANCER));

    assertThat(account.summary().render()).isEqualTo("""
        Imported 2 zones: 21 A/AAAA/CNAME records (14 proxied, 7 DNS-only); 7 other records kept but not modelled
        example.com (BIND export src/test/resources/imports/example.com.txt; apex from the ';; Domain:' header)
          15 records: 10 proxied, 5 DNS-only; Auto TTL: 12; no cf_tags (assumed DNS-only): 2
          categories:
            regular 10: no platform marker
            r2-custom-domain 1: CNAME to public.r2.dev
            spectrum 1: override
            tunnel 1: CNAME target under cfargotunnel.com
            web3-gateway 1: CNAME to ethereum.cloudflare.com
            workers-custom-domain 1: AAAA 100::
          not modelled: MX 1, NS 2, TXT 2
          warning: src/test/resources/imports/example.com.txt:22: the A record legacy.example.com has no \
        cf_tags=cf-proxied:true|false: taken as DNS-only
          warning: src/test/resources/imports/example.com.txt:28: the AAAA record edge.example.com (AAAA 100::) \
        taken as a Workers custom domain, excluded from the switch; if it only attaches a Worker route, override its \
        category to worker-route
          warning: src/test/resources/imports/example.com.txt:32: the CNAME record docs.example.com has no \
        cf_tags=cf-proxied:true|false: taken as DNS-only
          SOA: TTL 3600, MINIMUM 3600 (from the export)
        example.net (API JSON src/test/resources/imports/api/example.net-page1.json, \
        src/test/resources/imports/api/example.net-page2.json; apex inferred from the record names (no zone_name))
          6 records: 4 proxied, 2 DNS-only; Auto TTL: 5; no proxied field (assumed DNS-only): 0
          categories:
            regular 4: AAAA 100:: not read-only (user-made) 1, no platform marker 3
            tunnel 1: meta.managed_by_argo_tunnel
            workers-custom-domain 1: AAAA 100::, read-only
          not modelled: MX 1, TXT 1
          SOA: TTL 3600, MINIMUM 1800 (not in the export: Cloudflare's defaults)
        CNAME targets outside these zones (declare them under external:): \
        6f1c2a7e-3b9d-4c58-a1e2-7d0b9c4f5e31.cfargotunnel.com, ethereum.cloudflare.com, public.r2.dev, \
        c0ffee00-1234-4abc-9def-0123456789ab.example.org
        Overrides that matched no A/AAAA/CNAME record: gone.example.com
        """);
  }

  @Test
  void theFormatIsToldByContentNotByFileName(@TempDir Path dir) throws Exception {
    Path saved = dir.resolve("records.txt");
    Files.copy(DEV, saved);

    ImportedAccount account = Importer.load(List.of(saved), Map.of());

    assertThat(account.summary().zones().get(0).format()).isEqualTo(ExportFormat.API_JSON);
  }

  @Test
  void theSameZoneTwiceIsAnError(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("copy.txt");
    Files.copy(COM, copy);

    assertThatThrownBy(() -> Importer.load(List.of(COM, copy), Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("copy.txt:1: zone example.com is imported twice (also from "
            + "src/test/resources/imports/example.com.txt)");
  }

  @Test
  void aProxiedMxNamesFileAndLine() {
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("bad/proxied-mx.txt")), Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessage("src/test/resources/imports/bad/proxied-mx.txt:7: cf-proxied:true on the MX record example.com, "
            + "but only A, AAAA and CNAME records can be proxied");
  }

  @Test
  void badFilesNameFileAndLine() {
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("bad/truncated.txt")), Map.of()))
        .hasMessage("src/test/resources/imports/bad/truncated.txt:8: cannot parse the record: expected an address");
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("bad/bad-ipv4.txt")), Map.of()))
        .hasMessage("src/test/resources/imports/bad/bad-ipv4.txt:5: cannot parse the record: Invalid address: 192.0.2.300");
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("bad/api-malformed.json")), Map.of()))
        .hasMessage("src/test/resources/imports/bad/api-malformed.json:3:46: malformed JSON: Unexpected character "
            + "('\"' (code 34)): was expecting comma to separate Object entries");
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("bad/api-missing-page/page3.json"),
        DIR.resolve("bad/api-missing-page/page1.json")), Map.of()))
        .hasMessage("src/test/resources/imports/bad/api-missing-page/page1.json:6:91: zone example.com has 3 pages "
            + "but page 2 is missing; give every page (the zone was inferred from record names: if these pages "
            + "belong to a larger zone, give it explicitly)");
    assertThatThrownBy(() -> Importer.load(List.of(DIR.resolve("no-such-file.txt")), Map.of()))
        .hasMessage("src/test/resources/imports/no-such-file.txt:1: no such file");
  }

  @Test
  void typesTheSimulatorDoesNotModelAreKeptAndCountedButANameNoSoftwareKnowsIsAnError(@TempDir Path dir)
      throws Exception {
    Path kept = dir.resolve("kept.txt");
    Files.writeString(kept, ";; Domain:     example.com.\n"
        + "example.com.\t1\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:true\n"
        + "_sip._tcp.example.com.\t1\tIN\tSRV\t10 5 5060 sip.example.com.\n"
        + "example.com.\t1\tIN\tCAA\t0 issue \"letsencrypt.org\"\n"
        + "example.com.\t1\tIN\tHTTPS\t1 . alpn=\"h2\"\n"
        + "x.example.com.\t1\tIN\tTYPE65280\t\\# 2 abcd\n");
    ImportedAccount account = Importer.load(List.of(kept), Map.of());
    assertThat(account.otherRecords(name("example.com."))).extracting(r -> Type.string(r.getType()))
        .containsExactly("SRV", "CAA", "HTTPS", "TYPE65280");
    assertThat(account.summary().zones().get(0).unmodelledTypes())
        .containsExactly(Map.entry("CAA", 1), Map.entry("HTTPS", 1), Map.entry("SRV", 1), Map.entry("TYPE65280", 1));
    assertThat(account.summary().render()).contains("not modelled: CAA 1, HTTPS 1, SRV 1, TYPE65280 1");

    Path unknown = dir.resolve("unknown.txt");
    Files.writeString(unknown, ";; Domain:     example.com.\n\n"
        + "example.com.\t1\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:true\n"
        + "foo.example.com.\t1\tIN\tFOO\tbar\n");
    assertThatThrownBy(() -> Importer.load(List.of(unknown), Map.of()))
        .hasMessage(unknown + ":4: cannot parse the record: Invalid type 'FOO'");
  }

  @Test
  void aMissingCfTagsIsNamedWithItsLineAndTheAssumption(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("example.com.txt");
    Files.writeString(file, ";; Domain:     example.com.\n\n"
        + "www.example.com.\t1\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:true\n"
        + "api.example.com.\t1\tIN\tA\t192.0.2.2\n"
        + "docs.example.com.\t1\tIN\tCNAME\tdocs.example.net. ; hosted docs cf_tags=team:docs\n"
        + "example.com.\t1\tIN\tTXT\t\"v=spf1 -all\"\n");
    ImportedAccount account = Importer.load(List.of(file), Map.of());

    assertThat(account.summary().zones().get(0).warnings()).containsExactly(
        file + ":4: the A record api.example.com has no cf_tags=cf-proxied:true|false: taken as DNS-only",
        file + ":5: the CNAME record docs.example.com has no cf_tags=cf-proxied:true|false: taken as DNS-only");
    assertThat(find(account, "api.example.com.", Type.A).proxied()).isFalse();
    assertThat(account.summary().render()).contains("  warning: " + file + ":4: the A record api.example.com");
  }

  @Test
  void aProxiedRecordWithAnExplicitTtlIsAnError() {
    assertThatThrownBy(() -> ZoneAssembler.assemble(BindExportReader.read("t.txt",
        "www\t300\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:true\n", name("example.com.")), new CategoryDetector(Map.of())))
        .hasMessage("t.txt:1: the A record www.example.com is proxied with TTL 300, but a proxied record's TTL is "
            + "always Auto (1)");
  }

  @Test
  void aCnameSharingItsNameIsAnError() {
    String text = "www\t1\tIN\tA\t192.0.2.1\n\nwww\t1\tIN\tCNAME\texample.net.\n";

    assertThatThrownBy(() -> ZoneAssembler.assemble(BindExportReader.read("t.txt", text, name("example.com.")),
        new CategoryDetector(Map.of())))
        .hasMessage("t.txt:3: www.example.com has a CNAME, which cannot share its name with other records "
            + "(first record at t.txt:1)");
  }

  @Test
  void aRecordOutsideTheZoneIsAnError() {
    assertThatThrownBy(() -> ZoneAssembler.assemble(BindExportReader.read("t.txt",
        "www.example.org.\t1\tIN\tA\t192.0.2.1\n", name("example.com.")), new CategoryDetector(Map.of())))
        .hasMessage("t.txt:1: www.example.org is outside the zone example.com");
  }

  @Test
  void flatteningOnANonCnameIsAnError() {
    assertThatThrownBy(() -> ZoneAssembler.assemble(BindExportReader.read("t.txt",
        "www\t1\tIN\tA\t192.0.2.1 ; cf_tags=cf-flatten-cname\n", name("example.com.")), new CategoryDetector(Map.of())))
        .hasMessage("t.txt:1: cf-flatten-cname on the A record www.example.com, but only CNAME records can be flattened");
  }
}
