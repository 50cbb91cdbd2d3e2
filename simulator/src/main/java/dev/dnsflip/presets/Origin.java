package dev.dnsflip.presets;

import java.util.Objects;

/**
 * Where a group's behaviour came from: the preset it was read relative to (the default preset
 * when the file names none), whether the file named it, and whether keys of the file changed it.
 * Reports render it as a kind name ({@link #kind()}); nothing parses that name back.
 *
 * @param preset the preset's name, e.g. {@code bind-9.18}
 * @param named whether the scenario named the preset ({@code preset:}); false means the default
 * @param modified whether the behaviour differs from the preset's
 */
public record Origin(String preset, boolean named, boolean modified) {
  public Origin {
    Objects.requireNonNull(preset, "preset");
  }

  /** A preset as it is. */
  public static Origin of(String preset) {
    return new Origin(preset, true, false);
  }

  /**
   * The name reports give the behaviour: the preset's name when unchanged (writing the preset's
   * values out changes nothing), "preset+custom" when a named preset was changed, "custom" when
   * the default was.
   */
  public String kind() {
    if (!modified) {
      return preset;
    }
    return named ? preset + "+custom" : "custom";
  }
}
