package dev.dnsflip.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * {@code --classpath DIR|JAR[:...]}: where the cache logic a scenario names ({@code logic:}) is
 * found. The command runs with a class loader over those entries as the thread's context class
 * loader, which the scenario reader and {@link java.util.ServiceLoader} look classes up in; the
 * previous one is restored afterwards.
 */
final class ClassPathOption {
  @Option(names = "--classpath", paramLabel = "DIR|JAR[:...]",
      description = "directories and jars holding the cache logic scenarios name (logic: com.example.MyCache)")
  String classPath;

  /** Runs {@code command} with the class path in force. */
  int with(Callable<Integer> command) throws Exception {
    if (classPath == null) {
      return command.call();
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        throw new UserError("--classpath has an empty entry in '" + classPath + "'");
      }
      Path p = Path.of(entry);
      if (!Files.exists(p)) {
        throw new UserError("--classpath entry " + entry + " does not exist");
      }
      try {
        urls.add(p.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UserError("--classpath entry " + entry + " is not a usable path: " + e.getMessage());
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader parent = previous != null ? previous : ClassPathOption.class.getClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), parent)) {
      thread.setContextClassLoader(loader);
      return command.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
