package dev.dnsflip.compare;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.format.TextFile;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.dnsflip.reports.ReportFigures;
import java.util.List;

/**
 * Reads a report.json back for a comparison. Only what a comparison uses is read, but that part
 * strictly: a file that is not a dnsflip report of this format is refused at its place.
 */
public final class ReportFiguresReader {
  /** The report format this reader understands (see docs/report-schema.json). */
  public static final String FORMAT = "dnsflip-report/2";

  private ReportFiguresReader() {}

  public static ReportFigures read(Path file) throws InputException {
    String name = file.toString();
    return parse(TextFile.read(file, name, 1), name, name);
  }

  public static ReportFigures parse(String json, String file, String label) throws InputException {
    Node root = NodeReader.json(json, file, "the file is empty; expected a dnsflip report.json");
    if (root.kind() != Node.Kind.MAP) {
      throw root.error("expected a dnsflip report.json (an object with \"format\": \"" + FORMAT + "\")");
    }
    Node format = root.member("format");
    if (format == null || format.kind() != Node.Kind.SCALAR || format.isNull()) {
      throw root.error("not a dnsflip report: no \"format\" field; expected \"" + FORMAT + "\"");
    }
    if (!format.text().equals(FORMAT)) {
      throw format.error("report format '" + format.text() + "' is not " + FORMAT
          + "; rerun the scenario with this version of dnsflip");
    }
    String scenario = root.member("scenario") == null ? "" : text(root.member("scenario"));
    long seed = root.member("seed") == null ? 0 : root.member("seed").parse(Long::parseLong);
    int replications = required(root, "replications").parse(Integer::parseInt);
    List<ReportFigures.SwitchFigures> switches = new ArrayList<>();
    for (Node event : required(root, "events").items()) {
      switches.add(event(event));
    }
    return new ReportFigures(label, scenario, seed, replications, switches);
  }

  private static ReportFigures.SwitchFigures event(Node event) throws InputException {
    int number = required(event, "switch").parse(Integer::parseInt);
    String direction = text(required(event, "direction"));
    long atMs = required(event, "atMs").parse(Long::parseLong);
    Node series = required(event, "series");
    long bucketMs = required(series, "bucketMs").parse(Long::parseLong);
    List<Double> share = new ArrayList<>();
    for (Node s : required(series, "staleShare").items()) {
      share.add(number(s));
    }
    List<ReportFigures.Figure> metrics = new ArrayList<>();
    for (Node m : required(event, "metrics").items()) {
      Node e = required(m, "estimate");
      metrics.add(new ReportFigures.Figure(text(required(m, "name")), text(required(m, "unit")),
          number(required(e, "mean")), number(required(e, "ciLow")), number(required(e, "ciHigh")),
          required(e, "samples").parse(Integer::parseInt), required(e, "censored").parse(Integer::parseInt)));
    }
    return new ReportFigures.SwitchFigures(number, direction, atMs, bucketMs, metrics, share);
  }

  private static Node required(Node parent, String key) throws InputException {
    Node n = parent.member(key);
    if (n == null) {
      throw parent.error("expected \"" + key + "\" " + parent.where());
    }
    return n;
  }

  private static String text(Node n) throws InputException {
    return n.text();
  }

  /** A JSON number, or null for JSON null (a value that is not a number: 0/0, no sample). */
  private static Double number(Node n) throws InputException {
    if (n.isNull()) {
      return null;
    }
    if (!n.is(Node.Scalar.INTEGER) && !n.is(Node.Scalar.FLOAT)) {
      throw n.error("expected a number or null, got " + n.json());
    }
    return n.parse(Double::parseDouble);
  }
}
