package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HelperThreadTest {
  @Test
  void theResultIsTakenOnTheCallersThread() {
    HelperThread<String> helper = HelperThread.start("test-helper", () -> Thread.currentThread().getName());
    assertThat(helper.join()).isEqualTo("test-helper");
  }

  @Test
  void aFailureThereIsThrownHereAsItself() {
    IllegalArgumentException failure = new IllegalArgumentException("out of range");
    HelperThread<Integer> helper = HelperThread.start("test-helper", () -> {
      throw failure;
    });
    assertThatThrownBy(helper::join).isSameAs(failure);
  }

  @Test
  void anErrorThereIsThrownHereAsItself() {
    OutOfMemoryError error = new OutOfMemoryError("Java heap space");
    HelperThread<int[]> helper = HelperThread.start("test-helper", () -> {
      throw error;
    });
    assertThatThrownBy(helper::join).isSameAs(error);
  }
}
