package dev.dnsflip.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dnsflip.observe.AnswerSeries;
import dev.dnsflip.observe.Answering;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.OutageFigures;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.observe.Unit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable report. Same report => byte-identical text: the tree is built by hand in
 * record component order (never left to a mapper's property discovery), maps are sorted, doubles
 * are written by Jackson's JDK-independent shortest-representation writer, and the layout
 * (2-space indent, '\n') does not depend on the platform.
 */
public final class JsonReport {
  /** First property of every file, so readers can tell the schema before parsing the rest. */
  public static final String FORMAT = "dnsflip-report/2";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectWriter WRITER = writer();

  private JsonReport() {}

  public static String render(TransitionReport report) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.setAll((ObjectNode) toNode(report));
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  private static ObjectWriter writer() {
    // The fast writer (Schubfach) gives the shortest round-tripping digits on every JDK;
    // Double.toString on JDK 17 sometimes does not, which would make output JDK-dependent.
    JsonFactory factory = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    ObjectMapper mapper = JsonMapper.builder(factory).build();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof StaleSeries series) {
      return seriesNode(series);
    }
    if (value instanceof Answering answering && answering.outages().isEmpty()
        && !(answering.byResolverGroup().isEmpty() && answering.byClientGroup().isEmpty())) {
      // Without outages nothing fails: the groups' series would repeat their uses, bucket by bucket.
      return toNode(new Answering(answering.bucketMs(), answering.total(), List.of(), List.of(), List.of()));
    }
    if (value instanceof AnswerSeries series) {
      return answerSeriesNode(series);
    }
    if (value instanceof OutageFigures figures) {
      return outageFiguresNode(figures);
    }
    if (value instanceof Metric metric && metric.unit() == Unit.COUNT) {
      return countNode(metric);
    }
    if (value instanceof Record record) {
      ObjectNode node = NODES.objectNode();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        Object v = read(component, record);
        if (isSwitchIndex(record, component.getName())) {
          // Java indexes switches from 0; every rendered form numbers them from 1, as people do.
          int index = (Integer) v;
          node.set("switch", index < 0 ? NODES.nullNode() : NODES.numberNode(index + 1));
        } else {
          node.set(component.getName(), toNode(v));
        }
      }
      return node;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Float f) {
      return number(f.doubleValue());
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name().toLowerCase(Locale.ROOT));
    }
    if (value instanceof long[] longs) {
      ArrayNode array = NODES.arrayNode(longs.length);
      for (long l : longs) {
        array.add(l);
      }
      return array;
    }
    if (value instanceof int[] ints) {
      ArrayNode array = NODES.arrayNode(ints.length);
      for (int i : ints) {
        array.add(i);
      }
      return array;
    }
    if (value instanceof double[] doubles) {
      ArrayNode array = NODES.arrayNode(doubles.length);
      for (double d : doubles) {
        array.add(number(d));
      }
      return array;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode(items.size());
      for (Object item : items) {
        array.add(toNode(item));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      // Sorted by key so hash order never reaches the file.
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      ObjectNode node = NODES.objectNode();
      sorted.forEach((k, v) -> node.set(k, toNode(v)));
      return node;
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
  }

  /** The components that hold a 0-based switch index: written as "switch", counted from 1. */
  private static boolean isSwitchIndex(Record record, String component) {
    return (record instanceof dev.dnsflip.observe.EventReport || record instanceof dev.dnsflip.observe.SwitchReadiness
        || record instanceof dev.dnsflip.simulation.ReferenceMark) && component.equals("index")
        || record instanceof ExpectationResult && component.equals("event");
  }

  /** The series as stored plus the derived share, so readers need not divide (or special-case 0/0). */
  private static ObjectNode seriesNode(StaleSeries series) {
    ObjectNode node = NODES.objectNode();
    node.put("bucketMs", series.bucketMs());
    node.set("uses", toNode(series.uses()));
    node.set("staleUses", toNode(series.staleUses()));
    node.set("staleShare", shares(series.buckets(), series::share));
    return node;
  }

  /** A share per bucket, not a number (null) where the bucket had nothing to divide. */
  private static ArrayNode shares(int buckets, java.util.function.IntToDoubleFunction share) {
    ArrayNode node = NODES.arrayNode();
    for (int b = 0; b < buckets; b++) {
      node.add(number(share.applyAsDouble(b)));
    }
    return node;
  }

  /** Answered and failed queries per bucket; the share beside them for everyone's series only (the rest derive it alike). */
  private static ObjectNode answerSeriesNode(AnswerSeries series) {
    ObjectNode node = NODES.objectNode();
    node.put("name", series.name());
    node.set("kind", toNode(series.kind()));
    node.set("answered", toNode(series.answered()));
    node.set("failed", toNode(series.failed()));
    if (series.kind() == null) {
      node.set("answeredShare", shares(series.buckets(), series::share));
    }
    return node;
  }

  /** An outage's counts for one part of the population, with both shares derived. */
  private static ObjectNode outageFiguresNode(OutageFigures f) {
    ObjectNode node = NODES.objectNode();
    node.put("name", f.name());
    node.set("kind", toNode(f.kind()));
    node.put("answered", f.answered());
    node.put("failed", f.failed());
    node.set("answeredShare", number(f.answeredShare()));
    node.put("clients", f.clients());
    node.put("riders", f.riders());
    node.set("rideThroughShare", number(f.rideThroughShare()));
    return node;
  }

  /**
   * A count metric with whole numbers throughout, as every renderer shows counts: the mean rounded
   * half up, the interval rounded outwards (so it still holds the real one); min and max are whole.
   */
  private static ObjectNode countNode(Metric metric) {
    ObjectNode node = NODES.objectNode();
    node.put("name", metric.name());
    node.set("unit", toNode(metric.unit()));
    node.put("description", metric.description());
    Estimate e = metric.estimate();
    ObjectNode estimate = node.putObject("estimate");
    estimate.set("mean", whole(e.mean(), Math::round));
    estimate.set("ciLow", e.ciLow() == null ? NODES.nullNode() : whole(e.ciLow(), v -> (long) Math.floor(v)));
    estimate.set("ciHigh", e.ciHigh() == null ? NODES.nullNode() : whole(e.ciHigh(), v -> (long) Math.ceil(v)));
    estimate.set("min", whole(e.min(), Math::round));
    estimate.set("max", whole(e.max(), Math::round));
    estimate.put("samples", e.samples());
    estimate.put("censored", e.censored());
    return node;
  }

  private static JsonNode whole(double v, java.util.function.DoubleToLongFunction rounding) {
    return Double.isFinite(v) ? NODES.numberNode(rounding.applyAsLong(v)) : NODES.nullNode();
  }

  /** NaN and infinities have no JSON spelling; null keeps the file valid and says "no value". */
  private static JsonNode number(double d) {
    return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
