package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A window of a client record: clients addressed by their run-wide ids, cells copied out whole. */
class ClientRecordWindowTest {
  @Test
  void aWindowHoldsItsClientsByTheirIdsAndNoOthers() {
    ClientRecord window = ClientRecord.window(10, 13, 2);
    window.use(10, 0, 500, true);
    window.use(12, 1, 700, false);

    assertThat(window.clients()).isEqualTo(3);
    assertThat(window.lastStale(10, 0)).isEqualTo(500);
    assertThat(window.firstFresh(12, 1)).isEqualTo(700);
    assertThat(window.firstFresh(12, 0)).isEqualTo(-1);
    assertThatThrownBy(() -> window.use(13, 0, 1, true)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThatThrownBy(() -> window.use(9, 1, 1, true)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
  }

  @Test
  void cellsCopiedOutOfAWindowLandAtTheSameClientsOfAWholeRecord() {
    ClientRecord window = ClientRecord.window(10, 13, 2);
    window.use(11, 0, 300, true);
    window.use(11, 0, 900, false);
    window.use(12, 1, 40, false);
    ClientRecord whole = new ClientRecord(20, 2);

    assertThat(window.cells(11, 13)).isEqualTo(4);
    whole.putCells(11, window.firstFreshCells(11, 13), window.lastStaleCells(11, 13));

    assertThat(whole.lastStale(11, 0)).isEqualTo(300);
    assertThat(whole.firstFresh(11, 0)).isEqualTo(900);
    assertThat(whole.firstFresh(12, 1)).isEqualTo(40);
    assertThat(whole.lastStale(10, 0)).as("before the cells").isEqualTo(-1);
    assertThat(whole.firstFresh(13, 0)).as("after the cells").isEqualTo(-1);
    assertThatThrownBy(() -> whole.putCells(0, new long[3], new long[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cells of whole clients expected");
  }
}
