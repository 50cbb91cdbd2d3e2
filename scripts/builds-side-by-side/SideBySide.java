import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of dnsflip in one JVM, a class loader each, their bench runs interleaved (one
 * thread, two threads, then the other build; a collection before each run): on a noisy machine
 * both meet the same moments, where two processes an hour apart do not.
 * Arguments: runs, mode (SKIP or EVENTS), then name=classpath for each build.
 */
public final class SideBySide {
  private SideBySide() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    String mode = args[1];
    int builds = args.length - 2;
    String[] names = new String[builds];
    Method[] run = new Method[builds];
    for (int b = 0; b < builds; b++) {
      String[] nameAndPath = args[b + 2].split("=", 2);
      names[b] = nameAndPath[0];
      List<URL> urls = new ArrayList<>();
      for (String entry : nameAndPath[1].split(":")) {
        if (!entry.isEmpty()) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      run[b] = loader.loadClass("BenchRun").getMethod("run", int.class, String.class);
    }
    long warmUntil = System.nanoTime() + 8_000_000_000L; // the JIT compiles each build's loops apart
    while (System.nanoTime() < warmUntil) {
      for (Method m : run) {
        m.invoke(null, 1, mode);
        m.invoke(null, 2, mode);
      }
    }
    double[][] one = new double[builds][runs];
    double[][] two = new double[builds][runs];
    double[][] ratio = new double[builds][runs];
    for (int i = 0; i < runs; i++) {
      for (int b = 0; b < builds; b++) {
        System.gc();
        one[b][i] = (long) run[b].invoke(null, 1, mode) / 1e6;
        System.gc();
        two[b][i] = (long) run[b].invoke(null, 2, mode) / 1e6;
        ratio[b][i] = one[b][i] / two[b][i];
      }
    }
    System.out.printf("the fixed benchmark, %s, %d interleaved runs a build; medians (lowest):%n", mode, runs);
    for (int b = 0; b < builds; b++) {
      Arrays.sort(one[b]);
      Arrays.sort(two[b]);
      Arrays.sort(ratio[b]);
      System.out.printf("%-12s one thread %6.1f ms (%6.1f)   two threads %6.1f ms (%6.1f)   speed-up %.2f×%n", names[b],
          one[b][runs / 2], one[b][0], two[b][runs / 2], two[b][0], ratio[b][runs / 2]);
    }
  }
}
