package dev.dnsflip.imports;

import dev.dnsflip.format.Location;
import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Soa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class ApiJsonReaderTest {
  static final Path API = Path.of("src/test/resources/imports/api");
  static final Path BAD = Path.of("src/test/resources/imports/bad");

  /** A page of one record; {@code info} is the result_info object or empty for none. */
  static String page(String records, String info) {
    return "{\n  \"result\": [" + records + "],\n" + (info.isEmpty() ? "" : "  \"result_info\": " + info + ",\n")
        + "  \"success\": true\n}\n";
  }

  static final Name EXAMPLE_COM = Name.fromConstantString("example.com.");

  static final String WWW = "{ \"name\": \"www.example.com\", \"type\": \"A\", \"content\": \"192.0.2.10\", "
      + "\"proxied\": true, \"ttl\": 1 }";

  @Test
  void twoPagesOfOneZoneAndASecondZone() throws InputException {
    // Files in any order: pages are grouped by zone and put in page order.
    List<ZoneExport> zones = ApiJsonReader.read(List.of(API.resolve("example.net-page2.json"),
        API.resolve("example.dev.json"), API.resolve("example.net-page1.json")), null);

    assertThat(zones).extracting(z -> z.apex().toString()).containsExactly("example.dev.", "example.net.");
    ZoneExport net = zones.get(1);
    assertThat(net.files()).containsExactly(API.resolve("example.net-page1.json").toString(),
        API.resolve("example.net-page2.json").toString());
    assertThat(net.records()).extracting(r -> r.record().getName().toString(true) + " " + Type.string(r.record().getType()))
        .containsExactly("example.net A", "www.example.net AAAA", "legacy-tunnel.example.net CNAME",
            "docs.example.net CNAME", "edge.example.net AAAA", "route.example.net AAAA", "example.net MX",
            "example.net TXT");
    assertThat(net.apexSource()).isEqualTo("inferred from the record names (no zone_name)");
    assertThat(net.soa()).isEqualTo(Soa.CLOUDFLARE_DEFAULT);
    assertThat(net.soaFromExport()).isFalse();
    assertThat(zones.get(0).apexSource()).isEqualTo("from zone_name");
  }

  @Test
  void fieldsBecomeRecordFlagsAndMetadata() throws Exception {
    ApiJsonReader.Page page1 = ApiJsonReader.readPage("p1.json",
        Files.readString(API.resolve("example.net-page1.json")));
    ApiJsonReader.Page page2 = ApiJsonReader.readPage("p2.json",
        Files.readString(API.resolve("example.net-page2.json")));

    ExportedRecord apex = page1.records().get(0);
    assertThat(apex.proxied()).isTrue();
    assertThat(apex.proxiedStated()).isTrue();
    assertThat(apex.at()).isEqualTo(new Location("p1.json", 3, 5));
    assertThat(page1.records().get(1).record().getTTL()).isEqualTo(300);
    assertThat(page1.records().get(2).meta().managedByArgoTunnel()).isTrue();
    assertThat(page1.records().get(3).flatten()).isTrue();
    assertThat(page2.records().get(0).meta()).isEqualTo(new RecordMeta(true, true, false));
    assertThat(page2.records().get(1).meta()).isEqualTo(new RecordMeta(true, false, false));
    // The API keeps MX priority in its own field; TXT content comes unquoted.
    MXRecord mx = (MXRecord) page2.records().get(2).record();
    assertThat(mx.getPriority()).isEqualTo(10);
    assertThat(mx.getTarget()).isEqualTo(Name.fromConstantString("mail.example.net."));
    assertThat(((TXTRecord) page2.records().get(3).record()).getStrings()).containsExactly("v=spf1 mx -all");
    assertThat(page1.info().totalPages()).isEqualTo(2);
  }

  @Test
  void aMissingProxiedFieldIsNotStated() throws InputException {
    List<ZoneExport> zones = ApiJsonReader.read(List.of(API.resolve("example.dev.json")), null);

    ExportedRecord api = zones.get(0).records().get(1);
    assertThat(api.proxied()).isFalse();
    assertThat(api.proxiedStated()).isFalse();
  }

  @Test
  void aMissingPageIsAnError() {
    assertThatThrownBy(() -> ApiJsonReader.read(List.of(BAD.resolve("api-missing-page/page1.json"),
        BAD.resolve("api-missing-page/page3.json")), null))
        .isInstanceOf(InputException.class)
        .hasMessage("src/test/resources/imports/bad/api-missing-page/page1.json:6:91: zone example.com has 3 pages "
            + "but page 2 is missing; give every page (the zone was inferred from record names: if these pages "
            + "belong to a larger zone, give it explicitly)");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> ApiJsonReader.read(List.of(BAD.resolve("api-malformed.json")), null))
        .isInstanceOf(InputException.class)
        .hasMessage("src/test/resources/imports/bad/api-malformed.json:3:46: malformed JSON: Unexpected character "
            + "('\"' (code 34)): was expecting comma to separate Object entries");
  }

  @Test
  void aPageWhoseCountDisagreesWithItsRecordsIsAnError() {
    String text = page(WWW, "{ \"page\": 1, \"per_page\": 5, \"count\": 2, \"total_count\": 2, \"total_pages\": 1 }");

    assertThatThrownBy(() -> ApiJsonReader.zones(List.of(ApiJsonReader.readPage("p.json", text)), EXAMPLE_COM))
        .hasMessage("p.json:3:55: count is 2 but result[] holds 1 records");
  }

  @Test
  void aPageGivenTwiceIsAnError() throws InputException {
    String text = page(WWW, "{ \"page\": 1, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }");
    List<ApiJsonReader.Page> pages = List.of(ApiJsonReader.readPage("a.json", text),
        ApiJsonReader.readPage("b.json", text));

    assertThatThrownBy(() -> ApiJsonReader.zones(pages, EXAMPLE_COM))
        .hasMessage("b.json:3:28: page 1 of zone example.com is given twice (also in a.json)");
  }

  @Test
  void pagesThatDisagreeOnTheirTotalAreAnError() throws InputException {
    List<ApiJsonReader.Page> pages = List.of(
        ApiJsonReader.readPage("a.json", page(WWW,
            "{ \"page\": 1, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }")),
        ApiJsonReader.readPage("b.json", page(WWW.replace("www", "api"),
            "{ \"page\": 2, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 3 }")));

    assertThatThrownBy(() -> ApiJsonReader.zones(pages, EXAMPLE_COM))
        .hasMessage("b.json:3:91: total_pages is 3 here but 2 in a.json (same zone example.com)");
  }

  @Test
  void pagesInferredAsSeparateZonesSayTheZoneWasAGuess() throws InputException {
    List<ApiJsonReader.Page> pages = List.of(
        ApiJsonReader.readPage("a.json", page(WWW,
            "{ \"page\": 1, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }")),
        ApiJsonReader.readPage("b.json", page(WWW.replace("www", "api"),
            "{ \"page\": 2, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }")));

    assertThatThrownBy(() -> ApiJsonReader.zones(pages, null))
        .hasMessage("b.json:3:91: zone api.example.com has 2 pages but page 1 is missing; give every page (the zone "
            + "was inferred from record names: if these pages belong to a larger zone, give it explicitly)");
  }

  @Test
  void countsThatDoNotAddUpToTheTotalAreAnError() throws InputException {
    String text = page(WWW, "{ \"page\": 1, \"per_page\": 5, \"count\": 1, \"total_count\": 3, \"total_pages\": 1 }");

    assertThatThrownBy(() -> ApiJsonReader.zones(List.of(ApiJsonReader.readPage("p.json", text)), EXAMPLE_COM))
        .hasMessage("p.json:3:73: the pages of zone example.com hold 1 records, but total_count is 3");
  }

  @Test
  void aSinglePageWithoutResultInfoIsAccepted() throws InputException {
    List<ZoneExport> zones = ApiJsonReader.zones(List.of(ApiJsonReader.readPage("p.json", page(WWW, ""))), null);

    assertThat(zones).hasSize(1);
    // Inferred from one name, the apex is that name: the summary says it was a guess.
    assertThat(zones.get(0).apex()).isEqualTo(Name.fromConstantString("www.example.com."));
  }

  @Test
  void anInferredPageJoinsTheZoneThatHoldsItsNames() throws InputException {
    String apex = WWW.replace("www.example.com", "example.com");
    List<ZoneExport> zones = ApiJsonReader.zones(List.of(
        ApiJsonReader.readPage("a.json", page(WWW,
            "{ \"page\": 2, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }")),
        ApiJsonReader.readPage("b.json", page(apex,
            "{ \"page\": 1, \"per_page\": 1, \"count\": 1, \"total_count\": 2, \"total_pages\": 2 }"))), null);

    assertThat(zones).extracting(z -> z.apex().toString()).containsExactly("example.com.");
    assertThat(zones.get(0).files()).containsExactly("b.json", "a.json");
  }

  @Test
  void anExplicitZoneAppliesToPagesWithoutZoneName() throws InputException {
    List<ZoneExport> zones = ApiJsonReader.zones(List.of(ApiJsonReader.readPage("p.json", page(WWW, ""))),
        EXAMPLE_COM);

    assertThat(zones.get(0).apex()).isEqualTo(EXAMPLE_COM);
    assertThat(zones.get(0).apexSource()).isEqualTo("given explicitly");
  }

  @Test
  void namesSharingOnlyATopLevelDomainNeedAnExplicitZone() throws InputException {
    String two = WWW + ", " + WWW.replace("www.example.com", "www.example2.com");
    ApiJsonReader.Page p = ApiJsonReader.readPage("p.json", page(two, ""));

    assertThatThrownBy(() -> ApiJsonReader.zones(List.of(p), null))
        .hasMessage("p.json:1:1: the record names share only 'com.' and carry no zone_name: cannot tell the zone; "
            + "give it explicitly");
  }

  @Test
  void aBadAddressNamesItsContent() {
    String bad = WWW.replace("192.0.2.10", "192.0.2.300");

    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(bad, "")))
        .hasMessage("p.json:2:67: '192.0.2.300' is not an IPv4 address");
  }

  @Test
  void anUnknownTypeNamesItsField() {
    String bad = WWW.replace("\"A\"", "\"AA\"");

    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(bad, "")))
        .hasMessage("p.json:2:51: unknown record type 'AA'");
  }

  @Test
  void aFailedApiCallIsAnError() {
    String text = "{ \"success\": false, \"errors\": [{ \"code\": 9109, \"message\": \"Invalid access token\" }], "
        + "\"result\": null }";

    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", text))
        .hasMessage("p.json:1:14: the API reported a failure, this page holds no records: "
            + "[{\"code\":9109,\"message\":\"Invalid access token\"}]");
  }

  @Test
  void duplicateKeysAreRefused() {
    String bad = WWW.replace("\"ttl\": 1", "\"ttl\": 1, \"ttl\": 300");

    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(bad, "")))
        .hasMessageStartingWith("p.json:2:")
        .hasMessageContaining("malformed JSON: Duplicate field 'ttl'");
  }
}
