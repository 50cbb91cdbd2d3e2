package dev.dnsflip.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The published schema of report.json ({@code docs/report-schema.json}), checked by a JSON Schema
 * validator library: every report a test writes goes through {@link #problems}, so the schema
 * cannot drift from what the renderer writes.
 */
public final class ReportSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  /** The schema's complaints about one report, sorted; empty when it conforms. */
  public static List<String> problems(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    Set<ValidationMessage> messages = SCHEMA.validate(tree);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** The schema file, found from the module's directory up to the project root. */
  public static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("docs/report-schema.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/report-schema.json not found above " + dir);
  }

  private static JsonSchema load() {
    try {
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
      return factory.getSchema(Files.readString(file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
