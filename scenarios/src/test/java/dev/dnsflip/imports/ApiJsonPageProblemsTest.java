package dev.dnsflip.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Location;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a page of API JSON may hold and how each problem reads: values are quoted as JSON (so
 * {@code "300"} and {@code 300} differ), at the line and column of the member's value.
 */
class ApiJsonPageProblemsTest {
  /** A page whose one record is on line 3, starting at column 5. */
  static String page(String recordExtra, String info) {
    return "{\n  \"result\": [\n    {\"name\": \"www.example.com\", \"type\": \"A\", \"content\": \"192.0.2.1\""
        + recordExtra + "}\n  ],\n" + (info == null ? "" : "  \"result_info\": " + info + ",\n")
        + "  \"success\": true\n}\n";
  }

  static String problem(String text) {
    try {
      ApiJsonReader.readPage("p.json", text);
    } catch (InputException e) {
      return e.getMessage();
    }
    throw new AssertionError("read without a problem: " + text);
  }

  static ExportedRecord onlyRecord(String text) throws InputException {
    return ApiJsonReader.readPage("p.json", text).records().get(0);
  }

  @Test
  void aFileThatIsNotAPageSaysWhatAPageIs() {
    String expected = "expected a JSON object (a page of GET /zones/{zone_id}/dns_records)";
    assertThat(problem("")).isEqualTo("p.json:1: " + expected);
    assertThat(problem("[]")).isEqualTo("p.json:1:1: " + expected);
    assertThat(problem("{} {}")).isEqualTo("p.json:1:4: unexpected content after the JSON object");
    assertThat(problem("{}")).isEqualTo("p.json:1:1: no result[]: not a page of GET /zones/{zone_id}/dns_records");
  }

  @Test
  void resultAndResultInfoMustHaveTheirShape() {
    assertThat(problem("{\"result\": 5}")).isEqualTo("p.json:1:12: result must be an array of DNS records");
    assertThat(problem("{\"result\": [5]}")).isEqualTo("p.json:1:13: each item of result[] must be a DNS record object");
    assertThat(problem("{\"result\": [], \"result_info\": null}")).isEqualTo("p.json:1:31: result_info must be an object");
    // The shape is checked before success: a page is read top to bottom.
    assertThat(problem("{\"success\": false, \"result\": 5}")).isEqualTo("p.json:1:30: result must be an array of DNS records");
  }

  @Test
  void aNullResultIsAcceptedOnlyWhenSuccessFalseExplainsIt() {
    assertThat(problem("{\"result\": null}"))
        .isEqualTo("p.json:1:1: no result[]: not a page of GET /zones/{zone_id}/dns_records");
    assertThat(problem("{\"result\": null, \"success\": false}"))
        .isEqualTo("p.json:1:29: the API reported a failure, this page holds no records");
    assertThat(problem("{\"success\": false, \"errors\": [{\"m\": 1.50, \"n\": \"\\u00e9\\t\", \"big\": 123456789012345678901234567890, "
        + "\"e\": 1e2, \"inf\": 1e400, \"x\": null}], \"result\": null}"))
        .isEqualTo("p.json:1:13: the API reported a failure, this page holds no records: "
            + "[{\"m\":1.5,\"n\":\"é\\t\",\"big\":123456789012345678901234567890,\"e\":100.0,\"inf\":\"Infinity\",\"x\":null}]");
  }

  @Test
  void aTtlMustBeAWholeNumberInRangeAndIsQuotedAsJson() throws InputException {
    String prefix = "p.json:3:77: ttl must be a whole number of seconds from 1 (Auto) to 2147483647, got ";
    assertThat(problem(page(", \"ttl\": \"300\"", null))).isEqualTo(prefix + "\"300\"");
    assertThat(problem(page(", \"ttl\": 1.5", null))).isEqualTo(prefix + "1.5");
    assertThat(problem(page(", \"ttl\": 300.0", null))).isEqualTo(prefix + "300.0");
    assertThat(problem(page(", \"ttl\": 1e3", null))).isEqualTo(prefix + "1000.0");
    assertThat(problem(page(", \"ttl\": {\"a\": [1, \"x\"]}", null))).isEqualTo(prefix + "{\"a\":[1,\"x\"]}");
    assertThat(problem(page(", \"ttl\": \"a\\\"b\\n\"", null))).isEqualTo(prefix + "\"a\\\"b\\n\"");
    assertThat(problem(page(", \"ttl\": 2147483648", null))).isEqualTo(prefix + "2147483648");
    assertThat(problem(page(", \"ttl\": 0", null))).isEqualTo(prefix + "0");
    // 2^64 + 300: refused, not wrapped round to 300.
    assertThat(problem(page(", \"ttl\": 18446744073709551916", null))).isEqualTo(prefix + "18446744073709551916");
    assertThat(onlyRecord(page(", \"ttl\": 2147483647", null)).record().getTTL()).isEqualTo(2147483647L);
    assertThat(onlyRecord(page(", \"ttl\": null", null)).record().getTTL()).isEqualTo(1);
  }

  @Test
  void namesAndContentMustBeStrings() {
    assertThat(problem(page("", null).replace("\"www.example.com\"", "5"))).isEqualTo("p.json:3:14: name must be a string, got 5");
    assertThat(problem(page("", null).replace("\"www.example.com\"", "\"\""))).isEqualTo("p.json:3:14: name must be a domain name, got \"\"");
    assertThat(problem(page("", null).replace("\"www.example.com\"", "null"))).isEqualTo("p.json:3:5: the record has no name");
    assertThat(problem(page("", null).replace("\"192.0.2.1\"", "1234"))).isEqualTo("p.json:3:57: content must be a string, got 1234");
    assertThat(problem(page(", \"zone_name\": 5", null))).isEqualTo("p.json:3:83: zone_name must be a domain name, got 5");
  }

  @Test
  void flagsMustBeBooleansAndNestedOnesArePointedAtByTheirMember() throws InputException {
    assertThat(problem(page(", \"proxied\": \"yes\"", null))).isEqualTo("p.json:3:81: proxied must be true or false, got \"yes\"");
    assertThat(problem(page(", \"settings\": {\"flatten_cname\": \"x\"}", null)))
        .isEqualTo("p.json:3:82: settings.flatten_cname must be true or false, got \"x\"");
    assertThat(problem(page(", \"meta\": {\"managed_by_argo_tunnel\": 1}", null)))
        .isEqualTo("p.json:3:78: meta.managed_by_argo_tunnel must be true or false, got 1");
    // Like Jackson's tree: a member of something that is not an object is absent.
    assertThat(onlyRecord(page(", \"settings\": 5", null)).flatten()).isFalse();
    assertThat(onlyRecord(page(", \"meta\": {\"read_only\": \"x\"}", null)).meta()).isEqualTo(new RecordMeta(false, false, false));
    assertThat(onlyRecord(page(", \"proxied\": null", null)).proxiedStated()).isFalse();
  }

  @Test
  void aPriorityReadsTheSameAsNumberOrString() throws InputException {
    String mx = page("", null).replace("\"A\"", "\"MX\"").replace("\"192.0.2.1\"", "\"mail.example.com\"");
    assertThat(onlyRecord(mx.replace("\"}", "\", \"priority\": 10}")).record().rdataToString())
        .isEqualTo("10 mail.example.com.");
    assertThat(onlyRecord(mx.replace("\"}", "\", \"priority\": \"10\"}")).record().rdataToString())
        .isEqualTo("10 mail.example.com.");
    assertThat(problem(mx.replace("\"}", "\", \"priority\": {}}")))
        .isEqualTo("p.json:3:58: cannot parse the MX content: expected an integer");
  }

  @Test
  void resultInfoCountsMustBeWholeNumbers() throws InputException {
    String rest = ", \"count\": 1, \"total_count\": 1, \"total_pages\": 1}";
    assertThat(problem(page("", "{}"))).isEqualTo("p.json:5:18: result_info has no page");
    assertThat(problem(page("", "{\"page\": null" + rest))).isEqualTo("p.json:5:18: result_info has no page");
    assertThat(problem(page("", "{\"page\": \"1\"" + rest))).isEqualTo("p.json:5:27: result_info.page must be a whole number >= 0, got \"1\"");
    assertThat(problem(page("", "{\"page\": 1.0" + rest))).isEqualTo("p.json:5:27: result_info.page must be a whole number >= 0, got 1.0");
    assertThat(problem(page("", "{\"page\": 3000000000" + rest)))
        .isEqualTo("p.json:5:27: result_info.page must be a whole number >= 0, got 3000000000");
    ApiJsonReader.PageInfo info = ApiJsonReader.readPage("p.json", page("", "{\"per_page\": 5, \"page\": 1" + rest)).info();
    assertThat(info.fieldAt()).containsAllEntriesOf(Map.of("per_page", new Location("p.json", 5, 31),
        "page", new Location("p.json", 5, 42)));
  }
}
