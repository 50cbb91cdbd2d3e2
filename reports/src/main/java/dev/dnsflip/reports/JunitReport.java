package dev.dnsflip.reports;

import dev.dnsflip.observe.Unit;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A suite of runs as JUnit XML (the surefire/ant form CI servers read): one testsuite per scenario,
 * one testcase per checked bound, a failure naming the bound, the figure found and where the bound
 * was declared. A scenario without bounds is one passing testcase, "runs", so CI still lists it.
 */
public final class JunitReport {
  /** One scenario of the suite: the file it came from, its report and its wall time. */
  public record Entry(String file, TransitionReport report, double seconds) {}

  static final String RUNS = "runs";

  private JunitReport() {}

  public static String render(List<Entry> entries) {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "dnsflip");
      xml.writeAttribute("tests", Integer.toString(entries.stream().mapToInt(JunitReport::tests).sum()));
      xml.writeAttribute("failures", Long.toString(entries.stream().mapToLong(JunitReport::failures).sum()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("time", seconds(entries.stream().mapToDouble(Entry::seconds).sum()));
      for (Entry e : entries) {
        suite(xml, e);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      // Writing to a StringWriter cannot fail for want of I/O; a failure here is a bug.
      throw new IllegalStateException(e);
    }
    // Outside the root element the stream writer keeps no text; the file still ends its last line.
    return text + "\n";
  }

  private static void suite(XMLStreamWriter xml, Entry e) throws XMLStreamException {
    TransitionReport report = e.report();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", report.scenario());
    xml.writeAttribute("tests", Integer.toString(tests(e)));
    xml.writeAttribute("failures", Long.toString(failures(e)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", seconds(e.seconds()));
    if (report.expectations().isEmpty()) {
      xml.writeCharacters("\n    ");
      xml.writeEmptyElement("testcase");
      xml.writeAttribute("classname", e.file());
      xml.writeAttribute("name", RUNS);
    }
    for (ExpectationResult r : report.expectations()) {
      xml.writeCharacters("\n    ");
      if (r.passed()) {
        xml.writeEmptyElement("testcase");
        testcase(xml, e, r);
      } else {
        xml.writeStartElement("testcase");
        testcase(xml, e, r);
        String message = ConsoleSummary.outcome(r);
        xml.writeCharacters("\n      ");
        xml.writeStartElement("failure");
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", "bound");
        xml.writeCharacters(message);
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, Entry e, ExpectationResult r) throws XMLStreamException {
    xml.writeAttribute("classname", e.file());
    xml.writeAttribute("name", name(r));
  }

  /** "switch 1 lastStale.max atMost 5m 5s": the switch as reports number it, the bound as declared. */
  static String name(ExpectationResult r) {
    Optional<Unit> unit = Figures.unitOf(r.metric());
    StringBuilder sb = new StringBuilder(r.checked());
    sb.append(' ').append(r.label());
    if (r.atLeast() != null) {
      sb.append(" atLeast ").append(Figures.value(unit, r.atLeast()));
    }
    if (r.atMost() != null) {
      sb.append(" atMost ").append(Figures.value(unit, r.atMost()));
    }
    return sb.toString();
  }

  private static int tests(Entry e) {
    return Math.max(1, e.report().expectations().size());
  }

  private static long failures(Entry e) {
    return e.report().expectations().stream().filter(r -> !r.passed()).count();
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }
}
