package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private final TransitionReport report = SampleReports.twoFlips();
  private final String json = JsonReport.render(report);

  @Test
  void parsesBackAsJson() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.get("scenario").asText()).isEqualTo("two-flips");
    assertThat(root.get("events")).hasSize(2);
  }

  @Test
  void rendersTheSameBytesEveryTime() {
    assertThat(JsonReport.render(SampleReports.twoFlips())).isEqualTo(json);
  }

  @Test
  void startsWithTheFormatAndUsesTwoSpaceIndentAndNewlines() {
    assertThat(json).startsWith("{\n  \"format\": \"dnsflip-report/2\",\n  \"scenario\": \"two-flips\",\n");
    assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("\t");
  }

  @Test
  void keepsRecordComponentOrder() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    List<String> expected = new ArrayList<>(List.of("format"));
    expected.addAll(components(TransitionReport.class));
    assertThat(names(root)).containsExactlyElementsOf(expected);
    JsonNode event = root.get("events").get(0);
    // The 0-based Java index is written as "switch", counted from 1 as people count.
    assertThat(names(event)).containsExactlyElementsOf(
        components(EventReport.class).stream().map(n -> n.equals("index") ? "switch" : n).toList());
    assertThat(names(event.get("metrics").get(0).get("estimate"))).containsExactlyElementsOf(components(Estimate.class));
    assertThat(names(event.get("series"))).containsExactly("bucketMs", "uses", "staleUses", "staleShare");
  }

  @Test
  void writesNullForNaNAndMissingIntervals() throws Exception {
    JsonNode event = new ObjectMapper().readTree(json).get("events").get(0);
    assertThat(event.get("series").get("staleShare").get(3).isNull()).isTrue();
    assertThat(event.get("series").get("uses").get(3).asLong()).isZero();
    assertThat(event.get("closedForm").get(1).get("simulated").isNull()).isTrue();
    assertThat(event.get("metrics").get(0).get("estimate").get("ciLow").isNull()).isTrue();
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void writesExactValues() throws Exception {
    assertThat(json).contains("\n    \"cacheHitRatio\": 0.8125,\n", "\n  \"seed\": 42,\n",
        "\n    \"partitionsSkippingAhead\": 0,\n    \"partitionsEventByEvent\": 0,\n    \"eventByEventBecause\": {}\n");
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode first = root.get("events").get(0);
    JsonNode second = root.get("events").get(1);
    assertThat(first.get("switch").asInt()).isEqualTo(1);
    assertThat(second.get("switch").asInt()).isEqualTo(2);
    assertThat(first.get("direction").asText()).isEqualTo("enable");
    assertThat(second.get("direction").asText()).isEqualTo("disable");
    assertThat(first.get("metrics").get(9).get("unit").asText()).isEqualTo("duration_ms");
    assertThat(first.get("series").get("staleShare").get(0).doubleValue()).isEqualTo(0.4);
    assertThat(first.get("series").get("staleShare").get(6).doubleValue()).isEqualTo(0.0);
    JsonNode censored = second.get("metrics").get(15);
    assertThat(censored.get("name").asText()).isEqualTo("staleShareZero");
    assertThat(censored.get("estimate").get("censored").asInt()).isEqualTo(3);
    assertThat(censored.get("estimate").get("ciLow").isNull()).as("no interval on a censored metric").isTrue();
    assertThat(second.get("metrics").get(2).get("estimate").get("mean").doubleValue()).isEqualTo(0.00003);
    assertThat(root.get("expectations").get(0).get("switch").asInt()).isEqualTo(1);
    assertThat(root.get("expectations").get(1).get("switch").asInt()).isEqualTo(2);
    assertThat(root.get("expectations").get(1).get("atLeast").isNull()).isTrue();
    assertThat(root.get("expectations").get(1).get("passed").asBoolean()).isFalse();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
