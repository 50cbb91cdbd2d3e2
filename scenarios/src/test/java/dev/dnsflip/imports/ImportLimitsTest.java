package dev.dnsflip.imports;

import static dev.dnsflip.imports.ApiJsonReaderTest.EXAMPLE_COM;
import static dev.dnsflip.imports.ApiJsonReaderTest.WWW;
import static dev.dnsflip.imports.ApiJsonReaderTest.page;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.simulation.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports at and past their limits, and the one rule that tells JSON from a BIND export. */
class ImportLimitsTest {
  @TempDir
  Path tmp;

  private static String info(long totalPages) {
    return "{ \"page\": 1, \"per_page\": 5, \"count\": 1, \"total_count\": 1, \"total_pages\": " + totalPages + " }";
  }

  @Test
  void totalPagesAtTheLimitNamesTheFirstMissingPagesAndCountsTheRest() throws InputException {
    long max = Limits.API_PAGES.max();
    ApiJsonReader.Page p = ApiJsonReader.readPage("p.json", page(WWW, info(max)));

    assertThatThrownBy(() -> ApiJsonReader.zones(List.of(p), EXAMPLE_COM))
        .hasMessageStartingWith("p.json:3:91: zone example.com has " + max + " pages but pages 2, 3, 4, 5, 6, 7, 8, 9, "
            + "10, 11 and " + String.format("%,d", max - 11) + " more are missing");
  }

  @Test
  void totalPagesPastTheLimitIsRefusedAtOnce() {
    long over = Limits.API_PAGES.max() + 1;
    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(WWW, info(over))))
        .hasMessageStartingWith("p.json:3:91: result_info.total_pages is " + over + "; the limit is 100,000");
    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(WWW, info(Integer.MAX_VALUE))))
        .hasMessageStartingWith("p.json:3:91: result_info.total_pages is 2147483647; the limit is 100,000");
  }

  @Test
  void aTtlPastSixtyFourBitsIsRefusedNotWrapped() {
    String record = WWW.replace("\"ttl\": 1", "\"ttl\": 18446744073709551916").replace("\"proxied\": true",
        "\"proxied\": false");
    assertThatThrownBy(() -> ApiJsonReader.readPage("p.json", page(record, "")))
        .hasMessageContaining("ttl must be a whole number of seconds from 1 (Auto) to 2147483647, got "
            + "18446744073709551916");
  }

  @Test
  void aFileThatIsNeitherFormatSaysSoAtItsFirstLine() throws Exception {
    Path csv = Files.writeString(tmp.resolve("example.com.txt"), "\nname,type,content\nwww,A,192.0.2.1\n");
    Path prose = Files.writeString(tmp.resolve("example.org.txt"), "hello, this is not a zone\n");
    String neither = ": neither a BIND zone export (no line holds a comment, a directive or a record such as "
        + "'www 300 IN A 192.0.2.1') nor a page of the DNS records API (JSON, starting with '{'); export the zone "
        + "from the dashboard (DNS > Records > Export) or save the API's JSON";
    assertThatThrownBy(() -> Importer.load(List.of(csv), Map.of())).hasMessage(csv + ":2" + neither);
    assertThatThrownBy(() -> Importer.load(List.of(prose), Map.of())).hasMessage(prose + ":1" + neither);
    // One record line is enough to be read as a zone file (a type after the owner, then its data).
    Path record = Files.writeString(tmp.resolve("example.net.txt"), "www 300 IN A 192.0.2.1\n");
    org.assertj.core.api.Assertions.assertThat(Importer.load(List.of(record), Map.of()).zones()).hasSize(1);
  }

  @Test
  void jsonIsToldByContentAndAnEmptyOrArrayFileIsNoBindExport() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.json"), " \n\t\n");
    Path array = Files.writeString(tmp.resolve("array.json"), "\uFEFF  [ { \"result\": [] } ]");
    Path jsonNamedTxt = Files.writeString(tmp.resolve("page.txt"), "\n" + page(WWW, ""));

    assertThatThrownBy(() -> Importer.load(List.of(empty), Map.of())).hasMessage(empty
        + ":1: the file is empty; expected a BIND zone export or a page of the DNS records API (JSON)");
    assertThatThrownBy(() -> Importer.load(List.of(array), Map.of()))
        .hasMessageStartingWith(array + ":1:3: expected a JSON object");
    org.assertj.core.api.Assertions.assertThat(Importer.load(List.of(jsonNamedTxt), Map.of()).zones()).hasSize(1);
  }

  @Test
  void bindRecordsOutsideClassInAndTtlZeroAreRefusedAsAScenarioWouldRefuseThem() throws InputException {
    String zone = ";; Domain:     example.com.\n";
    org.assertj.core.api.Assertions.assertThat(BindExportReader.read("z.txt",
        zone + "www.example.com.\t300\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:false\n", null).records()).hasSize(1);
    for (String clazz : List.of("CH", "HS", "NONE", "ANY")) {
      assertThatThrownBy(() -> BindExportReader.read("z.txt",
          zone + "www.example.com.\t300\t" + clazz + "\tA\t192.0.2.1 ; cf_tags=cf-proxied:false\n", null))
          .as(clazz).hasMessage("z.txt:2: class " + clazz + " is not served: Cloudflare answers class IN only");
    }
    assertThatThrownBy(() -> Importer.load(List.of(write("zero.txt",
        zone + "www.example.com.\t0\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:false\n")), Map.of()))
        .isInstanceOf(InputException.class).hasMessageStartingWith(tmp.resolve("zero.txt") + ":2: ");
  }

  @Test
  void bindTtlsPastTwoToTheThirtyOneAreRefusedNotClampedAtTheLimitTheyPass() throws InputException {
    String zone = ";; Domain:     example.com.\n";
    String txt = "www.example.com.\t%s\tIN\tTXT\t\"hello\" ; cf_tags=cf-proxied:false\n";
    org.assertj.core.api.Assertions.assertThat(BindExportReader.read("z.txt", zone + txt.formatted("2147483647"), null))
        .isNotNull();
    for (String ttl : List.of("2147483648", "4294967295", "18446744073709551916")) {
      assertThatThrownBy(() -> BindExportReader.read("z.txt", zone + txt.formatted(ttl), null)).as(ttl)
          .hasMessage("z.txt:2: TTL " + ttl + " is more than 2147483647 seconds");
    }
    assertThatThrownBy(() -> BindExportReader.read("z.txt", zone + "$TTL 4294967296\n" + txt.formatted("60"), null))
        .hasMessage("z.txt:2: TTL 4294967296 is more than 2147483647 seconds");
  }

  private Path write(String name, String text) throws java.io.IOException {
    return Files.writeString(tmp.resolve(name), text);
  }
}
