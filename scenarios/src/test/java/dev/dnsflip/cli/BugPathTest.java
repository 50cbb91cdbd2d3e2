package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A bug is not bad input: an exception that is not a user error exits 3 with one line on stderr
 * naming a file that holds the stack trace, and never the exit 2 of bad input.
 */
class BugPathTest {
  private static final Pattern TRACE_FILE = Pattern.compile("the stack trace is in (\\S+)$");

  @TempDir
  Path tmp;

  /** A command standing in for a component that fails: throws what used to pass for bad input. */
  @Command(name = "throwing")
  static final class Throwing implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalArgumentException("index 7 out of range\nsecond line");
    }
  }

  @BeforeEach
  void traceIntoTmp() {
    System.setProperty(BugReport.DIRECTORY_PROPERTY, tmp.toString());
  }

  @AfterEach
  void restore() {
    System.clearProperty(BugReport.DIRECTORY_PROPERTY);
  }

  @Test
  void anUnexpectedExceptionExitsThreeWithTheTraceInAFile() throws IOException {
    CommandLine cl = Main.commandLine().addSubcommand("throwing", new Throwing());
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("throwing");

    assertThat(exit).isEqualTo(Main.BUG).isNotEqualTo(Main.BAD_INPUT);
    String message = err.toString();
    assertThat(message.lines()).hasSize(1);
    assertThat(message).startsWith("dnsflip: internal error (a bug in dnsflip, not a problem with your input): "
        + "java.lang.IllegalArgumentException: index 7 out of range second line; the stack trace is in ")
        .doesNotContain("\tat ");
    Matcher m = TRACE_FILE.matcher(message.strip());
    assertThat(m.find()).isTrue();
    Path trace = Path.of(m.group(1));
    assertThat(trace.getParent()).isEqualTo(tmp);
    assertThat(Files.readString(trace)).startsWith("dnsflip 0.1.0, Java ").contains("command: throwing")
        .contains("java.lang.IllegalArgumentException: index 7 out of range")
        .contains("at dev.dnsflip.cli.BugPathTest$Throwing.call");
  }

  @Test
  void badInputStaysExitTwoWithoutATraceFile() throws IOException {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("run", tmp.resolve("missing.yaml").toString(), "--out", tmp.resolve("out").toString());

    assertThat(exit).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("dnsflip: " + tmp.resolve("missing.yaml") + ":1:1: no such file\n");
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }
}
