package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ReportSchemaTest {
  private final String json = JsonReport.render(SampleReports.twoFlips());

  @Test
  void theSampleReportConforms() {
    assertThat(ReportSchema.problems(json)).isEmpty();
  }

  @Test
  void aReportWithAnOutageConformsAndItsSharesAreBounded() throws Exception {
    String withOutage = JsonReport.render(SampleReports.withOutage());
    assertThat(ReportSchema.problems(withOutage)).isEmpty();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(withOutage);
    assertThat(root.at("/answering/outages/0/total/rideThroughShare").asDouble()).isEqualTo(0.4);
    assertThat(root.at("/answering/total/answeredShare").size()).isEqualTo(20);
    assertThat(root.at("/answering/byResolverGroup/0").has("answeredShare")).as("derived for all only").isFalse();
    ((ObjectNode) root.at("/answering/outages/0/total")).put("rideThroughShare", 1.5);
    assertThat(ReportSchema.problems(mapper.writeValueAsString(root))).isNotEmpty()
        .allSatisfy(p -> assertThat(p).contains("outages[0].total.rideThroughShare"));
    ObjectNode none = (ObjectNode) mapper.readTree(json);
    none.remove("answering");
    assertThat(ReportSchema.problems(mapper.writeValueAsString(none))).singleElement()
        .satisfies(p -> assertThat(p).contains("answering"));
  }

  @Test
  void theSchemaNamesTheFormatItDescribes() throws Exception {
    String schema = Files.readString(ReportSchema.file());
    assertThat(new ObjectMapper().readTree(schema).at("/properties/format/const").asText())
        .isEqualTo(JsonReport.FORMAT);
  }

  @Test
  void aRenamedFieldAZeroSwitchAndAnUnknownFieldAreEachRefused() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode renamed = (ObjectNode) mapper.readTree(json);
    ObjectNode event = (ObjectNode) renamed.get("events").get(0);
    event.set("index", event.remove("switch"));
    assertThat(ReportSchema.problems(mapper.writeValueAsString(renamed)))
        .anySatisfy(p -> assertThat(p).contains("switch"))
        .anySatisfy(p -> assertThat(p).contains("index"));

    ObjectNode zero = (ObjectNode) mapper.readTree(json);
    ((ObjectNode) zero.get("events").get(0)).put("switch", 0);
    assertThat(ReportSchema.problems(mapper.writeValueAsString(zero))).singleElement()
        .satisfies(p -> assertThat(p).contains("switch").contains("1"));

    ObjectNode extra = (ObjectNode) mapper.readTree(json);
    extra.put("surprise", true);
    assertThat(ReportSchema.problems(mapper.writeValueAsString(extra))).singleElement()
        .satisfies(p -> assertThat(p).contains("surprise"));
  }

  @Test
  void anOldFormatIsRefused() throws Exception {
    ObjectNode old = (ObjectNode) new ObjectMapper().readTree(json);
    old.put("format", "dnsflip-report/1");
    assertThat(ReportSchema.problems(old.toString())).singleElement()
        .satisfies(p -> assertThat(p).contains("format"));
  }
}
