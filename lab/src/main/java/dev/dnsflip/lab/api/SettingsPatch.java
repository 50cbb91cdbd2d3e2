package dev.dnsflip.lab.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The body of {@code PATCH .../dns_settings} as the stand-in reads it: a JSON object whose only
 * modelled field is {@code enforce_dns_only}, a boolean, and optional (an empty object changes
 * nothing). Anything else is refused with 400, so a typo in a break-glass command fails in the
 * rehearsal rather than being ignored; {@code zone_defaults} is documented upstream but not
 * modelled here, and is refused as such.
 */
final class SettingsPatch {
  static final String ENFORCE = "enforce_dns_only";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SettingsPatch() {}

  /** The requested setting, or empty when the body leaves it as it is. */
  static Optional<Boolean> read(byte[] body) throws ApiFailure {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw bad("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw bad("the body is not valid JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw bad("the body is empty; expected a JSON object such as {\"" + ENFORCE + "\": true}");
    }
    if (!root.isObject()) {
      throw bad("the body is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + "; expected an object such as {\"" + ENFORCE + "\": true}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("zone_defaults")) {
        throw bad("zone_defaults is not modelled by this stand-in; only " + ENFORCE + " is");
      }
      if (!name.equals(ENFORCE)) {
        throw bad("unknown field '" + printable(name) + "'; the settings here have only " + ENFORCE);
      }
    }
    JsonNode value = root.get(ENFORCE);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw bad(ENFORCE + " must be true or false, not a JSON "
          + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.of(value.booleanValue());
  }

  private static ApiFailure bad(String message) {
    return new ApiFailure(400, ApiFailure.BAD_BODY, message);
  }

  /** A field name as a message may quote it: control characters escaped, at most 64 characters. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().limit(64).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return name.codePointCount(0, name.length()) > 64 ? out + "…" : out.toString();
  }
}
