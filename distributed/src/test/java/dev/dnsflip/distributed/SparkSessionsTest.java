package dev.dnsflip.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Which master a run uses: the one given, else the configured one, else this JVM. */
class SparkSessionsTest {
  @Test
  void noMasterGivenNorConfiguredIsThisJvmOnEveryCore() {
    assertThat(SparkSessions.masterOf("", new SparkConf(false))).isEqualTo("local[*]");
  }

  @Test
  void noMasterGivenIsSparkSubmitsMaster() {
    SparkConf submitted = new SparkConf(false).setMaster("spark://cluster.example:7077");

    assertThat(SparkSessions.masterOf("", submitted)).isEqualTo("spark://cluster.example:7077");
  }

  @Test
  void aGivenMasterWinsOverTheConfiguredOne() {
    SparkConf submitted = new SparkConf(false).setMaster("spark://cluster.example:7077");

    assertThat(SparkSessions.masterOf("local[2]", submitted)).isEqualTo("local[2]");
  }
}
