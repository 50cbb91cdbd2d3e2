package dev.dnsflip.distributed;

import dev.dnsflip.cli.DistributedRunner.Refused;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Starts the Spark context of a run: a master URL in, a context or a refusal out. */
final class SparkSessions {
  private SparkSessions() {}

  static JavaSparkContext start(String master) throws Refused {
    SparkConf conf = new SparkConf().setMaster(master).setAppName("dnsflip");
    if (master.startsWith("local")) {
      // Embedded: nothing listens beyond loopback, and no web UI for a run that ends by itself.
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
          .set("spark.ui.enabled", "false");
    }
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
      // Spark refuses a master URL it cannot parse, or a local[N] it cannot run, while starting.
      throw new Refused("Spark did not start: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
