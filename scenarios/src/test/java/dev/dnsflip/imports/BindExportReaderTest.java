package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Soa;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class BindExportReaderTest {
  static final Path DIR = Path.of("src/test/resources/imports");
  static final Name EXAMPLE_COM = Name.fromConstantString("example.com.");

  static ExportedRecord find(ZoneExport zone, String owner, int type) {
    Name name = Name.fromConstantString(owner);
    return zone.records().stream()
        .filter(r -> r.record().getName().equals(name) && r.record().getType() == type)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + Type.string(type) + " at " + owner));
  }

  @Test
  void ownersWithoutTrailingDotResolveInsideTheZoneNotDoubled() throws InputException {
    ZoneExport zone = BindExportReader.read("t.txt",
        "www.example.com\t1\tIN\tA\t192.0.2.10 ; cf_tags=cf-proxied:true\n"
            + "example.com\t1\tIN\tMX\t10 mail.example.com.\n", EXAMPLE_COM);

    assertThat(zone.records()).extracting(r -> r.record().getName().toString())
        .containsExactly("www.example.com.", "example.com.");
  }

  @Test
  void theFixtureHasNoDoubledApex() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.com.txt"), null);

    assertThat(zone.records()).allSatisfy(r -> assertThat(r.record().getName().toString())
        .endsWith(".com.").doesNotContain("example.com.example.com"));
    assertThat(find(zone, "www.example.com.", Type.A).at().line()).isEqualTo(19);
    assertThat(find(zone, "legacy.example.com.", Type.A).record().getTTL()).isEqualTo(120);
  }

  @Test
  void relativeOwnersStayRelativeToTheOrigin() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.org.txt"), null);

    assertThat(find(zone, "ftp.example.org.", Type.A).record().getTTL()).isEqualTo(3600);
  }

  @Test
  void theOriginComesFromTheDomainHeader() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.com.txt"), null);

    assertThat(zone.apex()).isEqualTo(EXAMPLE_COM);
    assertThat(zone.apexSource()).isEqualTo("from the ';; Domain:' header");
    assertThat(zone.format()).isEqualTo(ExportFormat.BIND);
  }

  @Test
  void theOriginFallsBackToTheFileName() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.org.txt"), null);

    assertThat(zone.apex()).isEqualTo(Name.fromConstantString("example.org."));
    assertThat(zone.apexSource()).isEqualTo("from the file name");
  }

  @Test
  void anExplicitOriginWins() throws InputException {
    ZoneExport zone = BindExportReader.read("export.txt", "www\t1\tIN\tA\t192.0.2.1\n", EXAMPLE_COM);

    assertThat(zone.apexSource()).isEqualTo("given explicitly");
    assertThat(zone.records().get(0).record().getName()).isEqualTo(Name.fromConstantString("www.example.com."));
  }

  @Test
  void withoutHeaderFileNameOrArgumentTheZoneIsUnknown() {
    assertThatThrownBy(() -> BindExportReader.read("export.txt", "www\t1\tIN\tA\t192.0.2.1\n", null))
        .isInstanceOf(InputException.class)
        .hasMessage("export.txt:1: cannot tell the zone: no ';; Domain:' header, and the file name is not a domain "
            + "(name it example.com.txt or give the zone explicitly)");
  }

  @Test
  void theSoaGivesTtlAndMinimum() throws InputException {
    ZoneExport oneLine = BindExportReader.read(DIR.resolve("example.com.txt"), null);
    ZoneExport multiLine = BindExportReader.read(DIR.resolve("example.org.txt"), null);

    assertThat(oneLine.soa()).isEqualTo(new Soa(3600, 3600));
    assertThat(oneLine.soaFromExport()).isTrue();
    assertThat(multiLine.soa()).isEqualTo(new Soa(3600, 1800));
  }

  @Test
  void withoutSoaTheZoneGetsCloudflareDefaults() throws InputException {
    ZoneExport zone = BindExportReader.read("t.txt", "www\t1\tIN\tA\t192.0.2.1\n", EXAMPLE_COM);

    assertThat(zone.soa()).isEqualTo(Soa.CLOUDFLARE_DEFAULT);
    assertThat(zone.soaFromExport()).isFalse();
  }

  @Test
  void cloudflareFlagsComeFromTheComment() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.com.txt"), null);

    ExportedRecord www = find(zone, "www.example.com.", Type.A);
    assertThat(www.proxied()).isTrue();
    assertThat(www.proxiedStated()).isTrue();
    ExportedRecord legacy = find(zone, "legacy.example.com.", Type.A);
    assertThat(legacy.proxied()).isFalse();
    assertThat(legacy.proxiedStated()).isFalse();
    ExportedRecord docs = find(zone, "docs.example.com.", Type.CNAME);
    assertThat(docs.flatten()).isTrue();
    assertThat(docs.proxied()).isFalse();
    // "; mail server; was cf_tags=cf-proxied:true until May cf_tags=cf-proxied:false,owner:ops"
    assertThat(find(zone, "mail.example.com.", Type.A).proxied()).isFalse();
    // User tags around cf-proxied, a quoted value holding a comma.
    assertThat(find(zone, "api.example.com.", Type.A).proxied()).isTrue();
    assertThat(find(zone, "eth.example.com.", Type.CNAME).proxied()).isTrue();
    assertThat(find(zone, "ssh.example.com.", Type.A).proxied()).isTrue();
  }

  @Test
  void otherTypesAreKeptWithTheirContent() throws InputException {
    ZoneExport zone = BindExportReader.read(DIR.resolve("example.com.txt"), null);

    assertThat(zone.records()).extracting(r -> Type.string(r.record().getType()))
        .containsExactly("NS", "NS", "A", "A", "A", "A", "A", "A", "A", "AAAA", "AAAA",
            "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "CNAME", "MX", "TXT", "TXT");
    // The ';' inside the quoted TXT string is content, not the start of a comment.
    TXTRecord dmarc = (TXTRecord) find(zone, "_dmarc.example.com.", Type.TXT).record();
    assertThat(dmarc.getStrings()).containsExactly("v=DMARC1; p=quarantine");
  }

  @Test
  void aLineStartingWithBlankSpaceRepeatsTheOwner() throws InputException {
    ZoneExport zone = BindExportReader.read("t.txt",
        "api.example.com.\t1\tIN\tA\t192.0.2.1\n\t1\tIN\tAAAA\t2001:db8::1\n", EXAMPLE_COM);

    assertThat(zone.records().get(1).record().getName()).isEqualTo(Name.fromConstantString("api.example.com."));
  }

  @Test
  void originAndTtlDirectivesApply() throws InputException {
    ZoneExport zone = BindExportReader.read("t.txt",
        "$TTL 600\n$ORIGIN sub.example.com.\nwww\tIN\tA\t192.0.2.1\n", EXAMPLE_COM);

    assertThat(zone.records().get(0).record().getName()).isEqualTo(Name.fromConstantString("www.sub.example.com."));
    assertThat(zone.records().get(0).record().getTTL()).isEqualTo(600);
  }

  @Test
  void aTruncatedLineNamesFileAndLine() {
    assertThatThrownBy(() -> BindExportReader.read(DIR.resolve("bad/truncated.txt"), null))
        .isInstanceOf(InputException.class)
        .hasMessage("src/test/resources/imports/bad/truncated.txt:8: cannot parse the record: expected an address");
  }

  @Test
  void aBadIpv4AddressNamesFileAndLine() {
    assertThatThrownBy(() -> BindExportReader.read(DIR.resolve("bad/bad-ipv4.txt"), null))
        .isInstanceOf(InputException.class)
        .hasMessage("src/test/resources/imports/bad/bad-ipv4.txt:5: cannot parse the record: "
            + "Invalid address: 192.0.2.300");
  }

  @Test
  void aProblemInsideParenthesesNamesItsOwnLine() {
    String text = "example.com.\t3600\tIN\tSOA\ta. b. (\n\t1 2\n\t3 4 x )\n";

    assertThatThrownBy(() -> BindExportReader.read("t.txt", text, EXAMPLE_COM))
        .hasMessage("t.txt:3: cannot parse the record: expected a TTL-like value");
  }

  @Test
  void anUnclosedParenthesisIsAnError() {
    assertThatThrownBy(() -> BindExportReader.read("t.txt", "\nexample.com.\t3600\tIN\tSOA\ta. b. (1 2\n", EXAMPLE_COM))
        .hasMessage("t.txt:2: '(' is never closed: the record is cut off");
  }

  @Test
  void includeIsRefused() {
    assertThatThrownBy(() -> BindExportReader.read("t.txt", "$INCLUDE other.txt\n", EXAMPLE_COM))
        .hasMessage("t.txt:1: unsupported directive '$INCLUDE other.txt': an export uses only $ORIGIN and $TTL");
  }

  @Test
  void aBadCfProxiedValueNamesTheLine() {
    assertThatThrownBy(() -> BindExportReader.read("t.txt", "\nwww\t1\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:1\n",
        EXAMPLE_COM))
        .hasMessage("t.txt:2: cf-proxied must be true or false, got '1'");
  }

  @Test
  void aSecondSoaIsAnError() {
    String soa = "example.com.\t3600\tIN\tSOA\ta. b. 1 2 3 4 5\n";

    assertThatThrownBy(() -> BindExportReader.read("t.txt", soa + soa, EXAMPLE_COM))
        .hasMessage("t.txt:2: a second SOA record (the first is on line 1)");
  }

  @Test
  void commentStartIgnoresQuotedAndEscapedSemicolons() {
    assertThat(BindExportReader.commentStart("x TXT \"a;b\" ; c")).isEqualTo(12);
    assertThat(BindExportReader.commentStart("x TXT a\\;b")).isEqualTo(-1);
    assertThat(List.of(BindExportReader.commentStart(";; A Records"))).containsExactly(0);
  }
}
