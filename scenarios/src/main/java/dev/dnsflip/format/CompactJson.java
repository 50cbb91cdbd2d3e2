package dev.dnsflip.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/**
 * Writes a {@link Node} as compact JSON the way Jackson's {@code JsonNode.toString()} does, so
 * a message quoting a value reads the same whether the value came from a tree or a stream:
 * numbers as Jackson's tree holds them (an integer normalised, a float as a double, so
 * {@code 1e3} is {@code 1000.0} and an overflowing one {@code "Infinity"}), strings escaped.
 */
final class CompactJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private CompactJson() {}

  static String write(Node node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(node, g);
    } catch (IOException e) {
      // Writing to a StringWriter cannot fail for I/O reasons.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(Node node, JsonGenerator g) throws IOException {
    switch (node.kind()) {
      case MAP -> {
        g.writeStartObject();
        for (Node.Entry e : node.entriesOrEmpty()) {
          g.writeFieldName(e.key().rawText());
          write(e.value(), g);
        }
        g.writeEndObject();
      }
      case LIST -> {
        g.writeStartArray();
        for (Node item : node.itemsOrEmpty()) {
          write(item, g);
        }
        g.writeEndArray();
      }
      case SCALAR -> scalar(node, g);
    }
  }

  private static void scalar(Node node, JsonGenerator g) throws IOException {
    String text = node.rawText();
    try {
      switch (node.scalar()) {
        case STRING -> g.writeString(text);
        case INTEGER -> g.writeNumber(new BigInteger(text));
        case FLOAT -> g.writeNumber(Double.parseDouble(text));
        case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(text));
        case NULL -> g.writeNull();
      }
    } catch (NumberFormatException e) {
      // YAML spells numbers JSON does not (0x1F, 1_000, .inf): quote them as written.
      g.writeString(text);
    }
  }
}
