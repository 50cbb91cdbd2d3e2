package dev.dnsflip.reports;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** The JUnit XML schema of {@code docs/junit-schema.xsd}, checked by the JDK's XML Schema validator. */
public final class JunitSchema {
  private static final Schema SCHEMA = load();

  private JunitSchema() {}

  /** The validator's complaints, each with its line; empty when the document conforms. */
  public static List<String> problems(String xml) {
    List<String> problems = new ArrayList<>();
    Validator v = SCHEMA.newValidator();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }
    });
    try {
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  private static Schema load() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      // The schema is local: no external entity or schema may be fetched.
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(ReportSchema.file().resolveSibling("junit-schema.xsd").toFile());
    } catch (SAXException e) {
      throw new IllegalStateException("docs/junit-schema.xsd does not load", e);
    }
  }
}
