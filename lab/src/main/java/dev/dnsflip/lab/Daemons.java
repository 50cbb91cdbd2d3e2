package dev.dnsflip.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** What the resolver drivers and {@link Daemon} share: versions, readiness probes, logs, stopping. */
final class Daemons {
  /** Said by every driver whose binary is missing: the project's test command installs them all. */
  static final String RUN_TESTS = "run ./run-tests (it installs the lab's Debian packages when missing)";
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

  private Daemons() {}

  /** Refuses to go on without {@code binary}, naming the software and how to get it. */
  static void requireBinary(String software, Path binary, String installHint) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(software + " is not installed (" + binary + " missing): " + installHint);
    }
  }

  /** Runs {@code binary args} and returns the first group of {@code version} in what it prints. */
  static String version(String software, Path binary, String installHint, Pattern version, String... args)
      throws IOException {
    requireBinary(software, binary, installHint);
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + String.join(" ", command), e);
    }
    Matcher m = version.matcher(out);
    if (!m.find()) {
      throw new IOException(String.join(" ", command) + " printed no version:\n" + out);
    }
    return m.group(1);
  }

  /**
   * The TXT a server answers to {@code name} (e.g. {@code version.bind.}) in class CHAOS (each
   * daemon answers it itself, so no upstream sees it and no cache entry is made), or null while
   * nothing answers.
   */
  static String chaosVersion(InetSocketAddress server, String name) {
    return chaosVersion(server, name, DClass.CH);
  }

  /** As {@link #chaosVersion(InetSocketAddress, String)}, asked in class {@code dclass}. */
  static String chaosVersion(InetSocketAddress server, String name, int dclass) {
    try {
      SimpleResolver resolver = new SimpleResolver(server);
      resolver.setTimeout(PROBE_TIMEOUT);
      Message response = resolver.send(Message.newQuery(
          Record.newRecord(Name.fromConstantString(name), Type.TXT, dclass)));
      if (response.getRcode() != Rcode.NOERROR) {
        return null;
      }
      List<Record> answers = response.getSection(Section.ANSWER);
      return answers.isEmpty() || !(answers.get(0) instanceof TXTRecord txt) ? "" : String.join(" ", txt.getStrings());
    } catch (IOException notYet) {
      return null;
    }
  }

  /** The file's text so far, empty before the daemon wrote any; bytes that are not UTF-8 become U+FFFD. */
  static String read(Path log) {
    try {
      return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM (each daemon exits cleanly on it), then SIGKILL if it has not exited within 5 s. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static String describe(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + "#" + a.getPort();
  }
}
