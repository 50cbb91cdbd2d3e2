package dev.dnsflip.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NodeReaderTest {
  static final String EMPTY = "nothing to read";

  static Node yaml(String text) throws InputException {
    return NodeReader.yaml(text, "f.yaml", EMPTY);
  }

  static Node json(String text) throws InputException {
    return NodeReader.json(text, "f.json", EMPTY);
  }

  /** Kinds, texts, keys and paths of a tree, without where they were written. */
  static String shape(Node node) {
    return switch (node.kind()) {
      case MAP -> node.entriesOrEmpty().stream()
          .map(e -> e.key().rawText() + "=" + shape(e.value()))
          .collect(Collectors.joining(", ", node.path() + "{", "}"));
      case LIST -> node.itemsOrEmpty().stream().map(NodeReaderTest::shape)
          .collect(Collectors.joining(", ", node.path() + "[", "]"));
      case SCALAR -> node.scalar() + "(" + node.rawText() + ")@" + node.path();
    };
  }

  @Test
  void yamlNodesKnowTheLineAndColumnOfTheirKeysAndValues() throws InputException {
    Node root = yaml("name: demo\naccount:\n  zones:\n    - apex: example.com\n      ttl:   300\n");

    Node.Entry account = root.entries().get(1);
    assertThat(account.key().location()).isEqualTo(new Location("f.yaml", 2, 1));
    Node zone = account.value().entries().get(0).value().items().get(0);
    assertThat(zone.location()).isEqualTo(new Location("f.yaml", 4, 7));
    Node.Entry ttl = zone.entries().get(1);
    assertThat(ttl.key().location()).isEqualTo(new Location("f.yaml", 5, 7));
    assertThat(ttl.value().location()).isEqualTo(new Location("f.yaml", 5, 14));
    assertThat(ttl.value().path()).isEqualTo("account.zones[0].ttl");
    assertThat(ttl.value().where()).isEqualTo("in account.zones[0].ttl");
  }

  @Test
  void jsonNodesKnowTheLineAndColumnOfTheirKeysAndValues() throws InputException {
    Node root = json("{\n  \"result\": [\n    { \"name\": \"www\",\n      \"ttl\":   300 }\n  ]\n}\n");

    assertThat(root.location()).isEqualTo(new Location("f.json", 1, 1));
    Node.Entry result = root.entries().get(0);
    assertThat(result.key().location()).isEqualTo(new Location("f.json", 2, 3));
    assertThat(result.value().location()).isEqualTo(new Location("f.json", 2, 13));
    Node record = result.value().items().get(0);
    assertThat(record.location()).isEqualTo(new Location("f.json", 3, 5));
    Node.Entry ttl = record.entries().get(1);
    assertThat(ttl.key().location()).isEqualTo(new Location("f.json", 4, 7));
    assertThat(ttl.value().location()).isEqualTo(new Location("f.json", 4, 16));
    assertThat(ttl.value().path()).isEqualTo("result[0].ttl");
  }

  @Test
  void aDuplicateYamlKeyIsReportedAtTheSecondWithTheFirst() {
    assertThatThrownBy(() -> yaml("a: 1\nb:\n  c: 1\n  c: 2\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("f.yaml:4:3: duplicate key 'c' in b (first at 3:3)");
    assertThatThrownBy(() -> yaml("a: 1\nb: 2\na: 3\n"))
        .hasMessage("f.yaml:3:1: duplicate key 'a' at top level (first at 1:1)");
  }

  @Test
  void aDuplicateJsonKeyIsMalformedJsonAtTheSecond() {
    // Jackson's parser catches it, and points just past the repeated name.
    assertThatThrownBy(() -> json("{\"a\": 1,\n \"b\": {\"c\": 1, \"c\": 2}}"))
        .isInstanceOf(InputException.class)
        .hasMessage("f.json:2:19: malformed JSON: Duplicate field 'c'");
  }

  @Test
  void jsonScalarsKeepTheirKindAndText() throws InputException {
    Node root = json("{\"s\": \"5\", \"i\": 5, \"f\": 1.50, \"e\": 1e3, \"b\": false, \"n\": null}");

    assertThat(shape(root)).isEqualTo("{s=STRING(5)@s, i=INTEGER(5)@i, f=FLOAT(1.50)@f, e=FLOAT(1e3)@e, "
        + "b=BOOLEAN(false)@b, n=NULL(null)@n}");
    assertThat(root.member("s").is(Node.Scalar.STRING)).isTrue();
    assertThat(root.member("i").is(Node.Scalar.STRING)).isFalse();
    assertThat(root.member("n").isNull()).isTrue();
  }

  @Test
  void yamlScalarsKeepTheTextAsWrittenWhateverYamlGuesses() throws InputException {
    Node root = yaml("s: \"5\"\ni: 5\nhex: 0x1F\nf: 1.50\nb: true\nn: ~\nd: 5m\n");

    assertThat(root.member("s").text()).isEqualTo("5");
    assertThat(root.member("s").is(Node.Scalar.STRING)).isTrue();
    assertThat(root.member("i").is(Node.Scalar.INTEGER)).isTrue();
    assertThat(root.member("hex").text()).isEqualTo("0x1F");
    assertThat(root.member("f").text()).isEqualTo("1.50");
    assertThat(root.member("b").is(Node.Scalar.BOOLEAN)).isTrue();
    assertThat(root.member("n").isNull()).isTrue();
    assertThat(root.member("d").text()).isEqualTo("5m");
  }

  @Test
  void theSameDocumentAsYamlAndAsJsonGivesEqualTrees() throws InputException {
    Node fromYaml = yaml("""
        name: flip
        ttl: 300
        share: 0.25
        proxied: true
        comment: null
        zones:
          - apex: example.com
            records: [{name: www, type: A}, {name: api, content: "192.0.2.1"}]
          - apex: example.net
            records: []
        """);
    Node fromJson = json("""
        {"name": "flip", "ttl": 300, "share": 0.25, "proxied": true, "comment": null,
         "zones": [{"apex": "example.com", "records": [{"name": "www", "type": "A"},
                                                        {"name": "api", "content": "192.0.2.1"}]},
                   {"apex": "example.net", "records": []}]}
        """);

    assertThat(shape(fromYaml)).isEqualTo(shape(fromJson))
        .contains("zones[0].records[1]{name=STRING(api)@zones[0].records[1].name");
    assertThat(fromYaml.member("zones").location()).isNotEqualTo(fromJson.member("zones").location());
  }

  @Test
  void malformedYamlIsReportedWhereTheParserStopped() {
    assertThatThrownBy(() -> yaml("a: 1\nb: [1, 2\n"))
        .hasMessage("f.yaml:3:1: malformed YAML: expected ',' or ']', but got <stream end> "
            + "(while parsing a flow sequence at 2:4)");
  }

  @Test
  void malformedJsonIsReportedWhereTheParserStopped() {
    assertThatThrownBy(() -> json("{\n  \"a\": 1\n  \"b\": 2\n}"))
        .hasMessage("f.json:3:3: malformed JSON: Unexpected character ('\"' (code 34)): "
            + "was expecting comma to separate Object entries");
  }

  @Test
  void anEmptyDocumentIsTheCallersProblem() {
    assertThatThrownBy(() -> yaml("# only a comment\n")).hasMessage("f.yaml:1:1: nothing to read");
    // JSON's parser has no column at the end of blank text.
    assertThatThrownBy(() -> json("  \n ")).hasMessage("f.json:1: nothing to read");
  }

  @Test
  void aFileHoldsOneDocument() {
    assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
        .hasMessage("f.yaml:3:1: only one YAML document per file is supported");
    assertThatThrownBy(() -> json("{\"a\": 1}\n{\"b\": 2}"))
        .hasMessage("f.json:2:1: unexpected content after the JSON object");
    assertThatThrownBy(() -> json("[1] 2")).hasMessage("f.json:1:5: unexpected content after the JSON array");
  }

  @Test
  void yamlAliasesAreRefused() {
    assertThatThrownBy(() -> yaml("a: &n 5\nb: *n\n"))
        .hasMessage("f.yaml:2:4: aliases (*n) are not supported; write the value out");
  }

  @Test
  void aValueRendersAsJacksonsTreeWouldPrintIt() throws Exception {
    ObjectMapper jackson = new ObjectMapper();
    for (String text : List.of("\"a\\\"b\\\\c\\u00e9\\n\\u0001/\"", "1.50", "1e3", "-0", "-0.0", "1E400", "1E-7",
        "123456789012345678901234567890", "3000000000", "true", "null", "[]", "{}",
        "{\"a\": [1, \"x\", {\"b\": null}], \"c\": false}")) {
      assertThat(json(text).json()).as(text).isEqualTo(jackson.readTree(text).toString());
    }
  }

  @Test
  void aMemberOfANonMappingIsAbsentLikeInJacksonsTree() throws InputException {
    Node root = json("{\"list\": [1], \"scalar\": \"x\", \"map\": {\"k\": null}}");

    assertThat(root.member("list").member("k")).isNull();
    assertThat(root.member("scalar").member("k")).isNull();
    assertThat(root.member("map").member("k").isNull()).isTrue();
    assertThat(root.member("missing")).isNull();
  }

  @Test
  void aScalarWhereAMappingBelongsNamesWhatWasFound() throws InputException {
    Node root = yaml("zones: example.com\n");

    assertThatThrownBy(() -> root.member("zones").entries())
        .hasMessage("f.yaml:1:8: expected a mapping for zones, found 'example.com'");
    assertThatThrownBy(() -> yaml("a: ~\n").member("a").text())
        .hasMessage("f.yaml:1:4: expected a value for a, found nothing");
  }
}
