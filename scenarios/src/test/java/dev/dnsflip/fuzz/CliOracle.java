package dev.dnsflip.fuzz;

import dev.dnsflip.cli.Main;
import dev.dnsflip.reports.ReportSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs a case through the CLI and judges the answer: exit 0, 1 or 2 only; on 2 exactly one line
 * naming the place and no report files; on 0 and 1 a report.json; never a stack trace, never over
 * time. Cases run in-process on a worker thread under a watchdog, or, when {@link FuzzCase#heavy},
 * in a child JVM with a small heap so that what today's code allocates cannot take the tests down.
 */
final class CliOracle {
  private static final Pattern LOCATED = Pattern.compile("dnsflip: (.+?):(\\d+):(\\d+:)? \\S.*");
  private static final Pattern PATH_PROBLEM = Pattern.compile("dnsflip: (\\S[^:]*): \\S.*");
  private static final Pattern TRACE_FILE = Pattern.compile("the stack trace is in (\\S+)");
  private static final Pattern CAUSE = Pattern.compile("internal error \\(.*?\\): ([\\w.$]+)");
  private static final Pattern UNCAUGHT = Pattern.compile("Exception in thread \"[^\"]*\" ([\\w.$]+)");

  /** How one command line ended: exit code, or an escaped throwable, or the watchdog. */
  record Outcome(int exit, String out, String err, Throwable thrown, boolean timedOut, long millis) {
    static final int THROWN = -1;
    static final int TIMED_OUT = -2;
  }

  private final Path work;
  private final Path bugDir;
  private final long limitMillis;
  private boolean compromised;

  CliOracle(Path work, long limitMillis) throws IOException {
    this.work = work;
    this.bugDir = Files.createDirectories(work.resolve("bug-reports"));
    this.limitMillis = limitMillis;
    System.setProperty("dnsflip.bugReportDir", bugDir.toString());
  }

  /** Whether a runaway case could not be stopped: the JVM is no place for further cases. */
  boolean compromised() {
    return compromised;
  }

  /** A case, laid out in a fresh directory with the command lines to run on it. */
  record Prepared(Path dir, Path input, List<String> names, List<List<String>> commands, List<Path> outs) {}

  Prepared prepare(FuzzCase c) throws IOException {
    Path dir = Files.createTempDirectory(work, c.kind().key + "-" + c.seed() + "-");
    Path input = dir.resolve(c.fileName());
    Files.write(input, c.bytes());
    List<String> names = new ArrayList<>();
    List<List<String>> commands = new ArrayList<>();
    List<Path> outs = new ArrayList<>();
    if (c.kind() == InputKind.SCENARIO) {
      if (c.seedFile().startsWith("imported")) {
        copyExports(dir.resolve("exports"));
      }
      Path out = dir.resolve("out");
      names.add("run");
      commands.add(List.of("run", input.toString(), "--out", out.toString(), "--threads", "1"));
      outs.add(out);
    } else {
      names.add("import");
      commands.add(List.of("import", input.toString()));
      outs.add(null);
      Path wrap = dir.resolve("wrap.yaml");
      Files.writeString(wrap, wrapper(c.fileName(), ExportSeeds.apex(c.seedFile())));
      Path out = dir.resolve("out");
      names.add("run-wrapped");
      commands.add(List.of("run", wrap.toString(), "--out", out.toString(), "--threads", "1"));
      outs.add(out);
    }
    return new Prepared(dir, input, names, commands, outs);
  }

  static void copyExports(Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(ScenarioMutator.SEEDS.resolve("exports"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** A small scenario around an export, so the loader's own import path is fuzzed too. */
  static String wrapper(String exportFile, String apex) {
    return "name: wrapped\nduration: 10m\naccount:\n  import: [" + exportFile + "]\nresolvers:\n"
        + "  - { name: isp, count: 2 }\nclients:\n  - name: users\n    count: 5\n    queriesPerMinute: 1\n"
        + "    questions:\n      - { name: " + apex + ", type: A }\nswitches:\n  - { at: 60s, action: enable }\n";
  }

  /** Runs every command line of a prepared case and returns what was wrong, if anything. */
  List<Violation> check(FuzzCase c, Prepared p, List<Outcome> outcomes) {
    List<Violation> found = new ArrayList<>();
    for (int i = 0; i < p.commands().size(); i++) {
      Outcome o = c.heavy() ? forked(p.commands().get(i), p.dir()) : inProcess(p.commands().get(i));
      outcomes.add(o);
      String problem = judge(o, p, p.outs().get(i), c.mustRefuse());
      if (problem != null) {
        String where = c.kind().key + " " + p.names().get(i) + ": ";
        found.add(new Violation(c, p.names().get(i), where + problem, shorten(o.err()
            + (o.thrown() == null ? "" : o.thrown().toString()))));
      }
      if (compromised) {
        break;
      }
    }
    return found;
  }

  @SuppressWarnings({"deprecation", "removal"})
  Outcome inProcess(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = {Outcome.THROWN};
    Throwable[] thrown = {null};
    Thread worker = new Thread(() -> {
      try {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        exit[0] = cl.execute(args.toArray(String[]::new));
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "fuzz-case");
    worker.setDaemon(true);
    long start = System.nanoTime();
    worker.start();
    try {
      worker.join(limitMillis);
      if (worker.isAlive()) {
        // Java 17 can still stop a thread; a runaway simulation holds no locks the test needs.
        worker.stop();
        worker.join(5_000);
        if (worker.isAlive()) {
          compromised = true;
        }
        return new Outcome(Outcome.TIMED_OUT, out.toString(), err.toString(), null, true,
            (System.nanoTime() - start) / 1_000_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Outcome(thrown[0] != null ? Outcome.THROWN : exit[0], out.toString(), err.toString(), thrown[0], false,
        (System.nanoTime() - start) / 1_000_000);
  }

  Outcome forked(List<String> args, Path dir) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Ddnsflip.bugReportDir=" + bugDir,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    long start = System.nanoTime();
    try {
      Path outFile = dir.resolve("stdout.txt");
      Path errFile = dir.resolve("stderr.txt");
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(outFile.toFile())
          .redirectError(errFile.toFile()).start();
      boolean done = p.waitFor(limitMillis, TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String err = Files.readString(errFile, StandardCharsets.ISO_8859_1);
      long millis = (System.nanoTime() - start) / 1_000_000;
      return done ? new Outcome(p.exitValue(), "", err, null, false, millis)
          : new Outcome(Outcome.TIMED_OUT, "", err, null, true, millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What is wrong with an outcome, or null. */
  private String judge(Outcome o, Prepared p, Path out, String mustRefuse) {
    if (o.timedOut()) {
      return "over " + limitMillis / 1000 + " s";
    }
    if (o.thrown() != null) {
      return "thrown " + o.thrown().getClass().getName() + " at " + firstFrame(o.thrown());
    }
    String err = o.err();
    Matcher uncaught = UNCAUGHT.matcher(err);
    if (uncaught.find()) {
      return "uncaught " + uncaught.group(1) + " at " + firstFrame(err.substring(uncaught.start()));
    }
    if (o.exit() == Main.BUG) {
      Matcher cause = CAUSE.matcher(err);
      Matcher file = TRACE_FILE.matcher(err);
      String frame = "?";
      if (file.find()) {
        try {
          frame = firstFrame(Files.readString(Path.of(file.group(1))));
        } catch (IOException e) {
          frame = "(trace unreadable)";
        }
      }
      return "exit 3 " + (cause.find() ? cause.group(1) : "?") + " at " + frame;
    }
    if (err.contains("\tat ") || err.contains("Exception in thread")) {
      return "stack trace on stderr (exit " + o.exit() + ")";
    }
    switch (o.exit()) {
      case Main.OK, Main.BOUNDS_FAILED -> {
        if (mustRefuse != null) {
          return "exit " + o.exit() + " accepting input that must be refused: " + mustRefuse;
        }
        if (out != null && !Files.isRegularFile(out.resolve("report.json"))) {
          return "exit " + o.exit() + " without report.json";
        }
        if (out != null) {
          List<String> schema;
          try {
            schema = ReportSchema.problems(Files.readString(out.resolve("report.json")));
          } catch (IOException e) {
            return "report.json unreadable: " + e.getMessage();
          }
          if (!schema.isEmpty()) {
            return "report.json does not conform to docs/report-schema.json: " + schema.get(0);
          }
        }
        return null;
      }
      case Main.BAD_INPUT -> {
        String body = err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
        if (body.contains("Usage:")) {
          return body.contains("--") ? null : "usage error naming no option";
        }
        if (body.isEmpty() || body.contains("\n") || body.contains("\r")) {
          return "exit 2 with " + (body.isEmpty() ? "no" : body.split("\r\n|\r|\n", -1).length + "") + " lines on stderr";
        }
        if (!LOCATED.matcher(body).matches()) {
          Matcher path = PATH_PROBLEM.matcher(body);
          if (!path.matches() || path.group(1).endsWith(p.input().getFileName().toString())) {
            return "exit 2 message without file:line";
          }
        }
        if (out != null && Files.exists(out)) {
          try (Stream<Path> left = Files.list(out)) {
            if (left.findAny().isPresent()) {
              return "exit 2 left files in --out";
            }
          } catch (IOException e) {
            return "exit 2 left an unreadable --out";
          }
        }
        return null;
      }
      default -> {
        return "exit " + o.exit();
      }
    }
  }

  static String firstFrame(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("dev.dnsflip.") && !e.getClassName().startsWith("dev.dnsflip.fuzz.")) {
        return e.getClassName() + "." + e.getMethodName();
      }
    }
    StackTraceElement[] st = t.getStackTrace();
    return st.length == 0 ? "?" : st[0].getClassName() + "." + st[0].getMethodName();
  }

  static String firstFrame(String trace) {
    Matcher m = Pattern.compile("\tat (dev\\.dnsflip\\.[\\w.$<>]+)\\.([\\w$<>]+)\\(").matcher(trace);
    if (m.find()) {
      return m.group(1) + "." + m.group(2);
    }
    Matcher any = Pattern.compile("\tat ([\\w.$<>]+)\\(").matcher(trace);
    return any.find() ? any.group(1) : "?";
  }

  static String shorten(String s) {
    String one = s.strip().replaceAll("\\s*\\R\\s*", " | ");
    return one.length() > 300 ? one.substring(0, 300) + "..." : one;
  }

  static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless; JUnit's @TempDir cleans up after the run.
    }
  }
}
