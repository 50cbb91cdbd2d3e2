package dev.dnsflip.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Beyond one JVM: Spark's {@code local-cluster} starts a standalone master and two workers whose
 * executors are JVMs of their own, started from a Spark installation that holds Spark and the
 * libraries but no class of dnsflip's. The executors load dnsflip from {@code spark.jars}, as a
 * real cluster's do, and the report is still the local run's, byte for byte.
 */
class SparkClusterTest {
  private static final String DEFAULT = "../scenarios/suites/default.yaml";

  @TempDir
  Path tmp;

  @Test
  void executorsInOtherJvmsGiveTheLocalRunsReportJson() throws IOException, InterruptedException {
    Path sparkHome = tmp.resolve("spark-home");
    List<String> dnsflipJars = installSpark(sparkHome);
    assertThat(dnsflipJars).as("dnsflip's own classes, sent to the executors").hasSizeGreaterThanOrEqualTo(4);
    Path clustered = tmp.resolve("clustered");
    Path stderr = tmp.resolve("stderr");
    ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@java-options", "-Dlog4j2.configurationFile=log4j2.properties", "-Dspark.jars=" + String.join(",", dnsflipJars),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", DEFAULT, "--out", clustered.toString(), "--spark", "local-cluster[2,1,1024]")
        .redirectOutput(tmp.resolve("stdout").toFile()).redirectError(stderr.toFile());
    launch.environment().put("SPARK_HOME", sparkHome.toString());
    launch.environment().put("SPARK_SCALA_VERSION", "2.13"); // else Spark looks for its own build tree
    launch.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = launch.start();
    Path local = tmp.resolve("local");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));

    assertThat(cl.execute("run", DEFAULT, "--out", local.toString(), "--threads", "2")).as(err.toString()).isZero();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("exited").isTrue();
    assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
    assertThat(Files.readAllBytes(clustered.resolve("report.json"))).isEqualTo(Files.readAllBytes(local.resolve("report.json")));
  }

  /**
   * A Spark installation at {@code home}: its {@code jars/} links every library jar of this test's
   * class path; dnsflip's modules (class directories or jars of this build) are left out and
   * returned as jars, for {@code spark.jars}.
   */
  private List<String> installSpark(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Path shipped = Files.createDirectories(tmp.resolve("shipped"));
    List<String> dnsflip = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath().normalize();
      boolean ours = p.toString().contains(File.separator + "target" + File.separator);
      if (Files.isDirectory(p)) {
        if (ours && p.getFileName().toString().equals("classes")) {
          dnsflip.add(jar(p, shipped.resolve(p.getParent().getParent().getFileName() + ".jar")).toString());
        }
      } else if (ours) {
        dnsflip.add(p.toString());
      } else if (p.toString().endsWith(".jar") && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
      }
    }
    return dnsflip;
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
