package dev.dnsflip.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Any resolver a user starts with a command line of their own (their build, their config): the
 * lab fills in where the authority is and where to listen, starts it in the foreground with its
 * output in {@code resolver.log}, and waits until it answers anything at all on the listen
 * address (a {@code version.bind} CHAOS query: any response, an error included, means it
 * listens; no IN query, so no cache entry is made). Placeholders, each replaced inside any word:
 * {@code {authority}} (IP:PORT), {@code {authority.ip}}, {@code {authority.port}}, {@code
 * {listen}} (IP:PORT), {@code {listen.ip}}, {@code {listen.port}}, {@code {dir}} (a work
 * directory for its files).
 */
public final class CommandResolver extends LabResolver {
  private CommandResolver(Daemon daemon) {
    super(daemon);
  }

  /**
   * Starts {@code template} (words, placeholders not yet filled) listening on {@code listen} (a
   * free port) in front of {@code authority}; its files in {@code workDir}.
   */
  public static CommandResolver start(List<String> template, InetSocketAddress authority, InetAddress listen,
      Path workDir) throws IOException {
    Loopback.require(authority);
    Loopback.require(listen);
    if (template.isEmpty()) {
      throw new IllegalArgumentException("an empty command");
    }
    for (String word : template) {
      if (word.contains("\n")) {
        throw new IllegalArgumentException("a command word holds a line break: " + word);
      }
    }
    String program = Path.of(template.get(0)).getFileName().toString();
    // command.txt holds the command as run, one word a line, so the start reads back the port it picked.
    return new CommandResolver(Daemon.start(new Daemon.Launch(program, workDir, "command.txt", "resolver.log",
        listen, 0, port -> String.join("\n", fill(template, authority, new InetSocketAddress(listen, port), workDir))
            + "\n",
        CommandResolver::readWords, log -> false, CommandResolver::anyAnswer, answer -> true), "(command)"));
  }

  private static List<String> readWords(Path commandFile) {
    try {
      return java.nio.file.Files.readAllLines(commandFile, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The words with every placeholder filled. */
  public static List<String> fill(List<String> template, InetSocketAddress authority, InetSocketAddress listen,
      Path dir) {
    List<String> out = new ArrayList<>();
    for (String word : template) {
      out.add(word.replace("{authority}", hostPort(authority))
          .replace("{authority.ip}", authority.getAddress().getHostAddress())
          .replace("{authority.port}", Integer.toString(authority.getPort()))
          .replace("{listen}", hostPort(listen))
          .replace("{listen.ip}", listen.getAddress().getHostAddress())
          .replace("{listen.port}", Integer.toString(listen.getPort()))
          .replace("{dir}", dir.toAbsolutePath().toString()));
    }
    return out;
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /** "" once anything answers on {@code address}, null before. */
  private static String anyAnswer(InetSocketAddress address) {
    try {
      SimpleResolver resolver = new SimpleResolver(address);
      resolver.setTimeout(java.time.Duration.ofMillis(300));
      Message response = resolver.send(Message.newQuery(
          Record.newRecord(Name.fromConstantString("version.bind."), Type.TXT, DClass.CH)));
      return response == null ? null : "";
    } catch (IOException notYet) {
      return null;
    }
  }
}
