package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventCalendarTest {
  @Test
  void eventsAtTheSameInstantRunInInsertionOrder() {
    EventCalendar c = new EventCalendar();
    c.schedule(10, 0, 1);
    c.schedule(5, 0, 2);
    c.schedule(10, 0, 3);
    c.schedule(5, 0, 4);
    List<Integer> order = new ArrayList<>();
    while (!c.isEmpty()) {
      c.poll();
      order.add(c.payload());
    }
    assertThat(order).containsExactly(2, 4, 1, 3);
  }

  @Test
  void manyRandomEventsComeOutSortedByTimeThenSequence() {
    EventCalendar c = new EventCalendar();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      c.schedule(random.nextInt(100), 7, i);
    }
    long lastTime = -1;
    int lastPayload = -1;
    int n = 0;
    while (!c.isEmpty()) {
      c.poll();
      assertThat(c.kind()).isEqualTo(7);
      if (c.time() == lastTime) {
        assertThat(c.payload()).isGreaterThan(lastPayload);
      } else {
        assertThat(c.time()).isGreaterThan(lastTime);
      }
      lastTime = c.time();
      lastPayload = c.payload();
      n++;
    }
    assertThat(n).isEqualTo(10_000);
    assertThatThrownBy(c::poll).isInstanceOf(IllegalStateException.class);
  }
}
