package dev.dnsflip.cli;

import dev.dnsflip.format.ValueOverride;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of {@code --sweep PATH=V1,V2 ...}: every combination of the swept values, in the order
 * the options and values were given (the last option varies fastest), each cell a list of
 * overrides and a label such as {@code account.autoTtl=60 resolvers.isp.serveStale=on}.
 */
record SweepGrid(List<Cell> cells) {
  /** A grid larger than this is almost surely a typo, and each cell is a full run. */
  static final int MAX_CELLS = 256;

  record Cell(String label, List<ValueOverride> overrides) {
    Cell {
      overrides = List.copyOf(overrides);
    }
  }

  SweepGrid {
    cells = List.copyOf(cells);
  }

  /** IllegalArgumentException names the option and what is wrong with it. */
  static SweepGrid of(List<String> sweeps) {
    List<List<ValueOverride>> axes = new ArrayList<>();
    for (String sweep : sweeps) {
      ValueOverride template = ValueOverride.parse("--sweep", sweep);
      List<ValueOverride> values = new ArrayList<>();
      for (String v : template.value().split(",", -1)) {
        if (v.isBlank()) {
          throw new IllegalArgumentException("--sweep " + sweep + ": an empty value between commas");
        }
        values.add(template.withValue(v.strip()));
      }
      if (values.size() < 2) {
        throw new IllegalArgumentException("--sweep " + sweep + ": a sweep needs two values or more, "
            + "separated by commas (use --set for one)");
      }
      axes.add(values);
    }
    long size = 1;
    for (List<ValueOverride> axis : axes) {
      size *= axis.size();
      if (size > MAX_CELLS) {
        throw new IllegalArgumentException("the sweeps make more than " + MAX_CELLS + " runs; sweep fewer values");
      }
    }
    List<Cell> cells = new ArrayList<>();
    cells.add(new Cell("", List.of()));
    for (List<ValueOverride> axis : axes) {
      List<Cell> next = new ArrayList<>();
      for (Cell c : cells) {
        for (ValueOverride v : axis) {
          List<ValueOverride> o = new ArrayList<>(c.overrides());
          o.add(v);
          next.add(new Cell((c.label().isEmpty() ? "" : c.label() + " ") + v.path() + "=" + v.value(), o));
        }
      }
      cells = next;
    }
    return new SweepGrid(cells);
  }
}
