package dev.dnsflip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The separate example project ({@code examples/}, built by CI against the installed artifact) is
 * what docs/testing-your-resolver.md shows, file for file, and its code compiles and its test
 * passes here too, against this build's classes: its sources compiled into a directory of their
 * own, its test class's {@code @BeforeAll} and {@code @Test} methods called in a class loader
 * over that directory and the example's test resources.
 */
class ExamplesProjectTest {
  private static final Path EXAMPLES = Path.of("../examples");
  private static final Path DOC = Path.of("../docs/testing-your-resolver.md");

  @TempDir
  Path classes;

  @Test
  void theDocumentShowsEveryFileOfTheExampleProject() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (Path file : exampleFiles()) {
      assertThat(doc).as(EXAMPLES.relativize(file).toString()).contains(Files.readString(file, StandardCharsets.UTF_8));
      assertThat(doc).contains("`examples/" + EXAMPLES.relativize(file) + "`");
    }
  }

  @Test
  void theExampleCompilesAndItsTestPasses() throws Exception {
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
    for (Path f : exampleFiles()) {
      if (f.toString().endsWith(".java")) {
        args.add(f.toString());
      }
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();

    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(),
        EXAMPLES.resolve("src/test/resources").toUri().toURL()}, previous)) {
      thread.setContextClassLoader(loader);
      Class<?> test = loader.loadClass("com.example.cache.TtlCacheSwitchTest");
      int tests = 0;
      Method before = test.getDeclaredMethod("run");
      before.setAccessible(true);
      before.invoke(null);
      Object instance = construct(test);
      for (Method m : test.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Test.class)) {
          m.setAccessible(true);
          m.invoke(instance);
          tests++;
        }
      }
      assertThat(tests).isEqualTo(3);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static Object construct(Class<?> type) throws ReflectiveOperationException {
    var c = type.getDeclaredConstructor();
    c.setAccessible(true);
    return c.newInstance();
  }

  private static List<Path> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES.resolve("src"))) {
      List<Path> list = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
      list.add(0, EXAMPLES.resolve("pom.xml"));
      return list;
    }
  }
}
