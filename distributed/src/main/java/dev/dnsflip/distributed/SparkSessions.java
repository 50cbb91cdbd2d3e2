package dev.dnsflip.distributed;

import dev.dnsflip.cli.DistributedRunner.Refused;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Starts the Spark context of a run: a master URL in, a context or a refusal out. */
final class SparkSessions {
  private SparkSessions() {}

  /** The master used when none is given nor configured: this JVM, every core. */
  static final String EMBEDDED = "local[*]";

  /**
   * A context at {@link #masterOf} {@code master}; the application's name and the embedded
   * settings below unless the configuration (spark-submit's) has its own.
   */
  static JavaSparkContext start(String master) throws Refused {
    SparkConf conf = new SparkConf();
    conf.setMaster(masterOf(master, conf)).setIfMissing("spark.app.name", "dnsflip");
    if (conf.get("spark.master").startsWith("local")) {
      // Embedded: nothing listens beyond loopback, and no web UI for a run that ends by itself.
      conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.ui.enabled", "false");
    }
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
      // Spark refuses a master URL it cannot parse, or a local[N] it cannot run, while starting.
      throw new Refused("Spark did not start: " + firstLine(e.getMessage()));
    }
  }

  /** The master given; when none is, the configured one (spark-submit's --master), else {@link #EMBEDDED}. */
  static String masterOf(String given, SparkConf conf) {
    return !given.isEmpty() ? given : conf.get("spark.master", EMBEDDED);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
