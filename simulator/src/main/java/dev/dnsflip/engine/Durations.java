package dev.dnsflip.engine;

/** Formats simulated millisecond durations for people ("5m 02.5s"), never for parsing. */
public final class Durations {
  private Durations() {}

  public static String format(long ms) {
    if (ms < 0) {
      return "-" + format(-ms);
    }
    if (ms < 1000) {
      return ms + "ms";
    }
    long totalSeconds = ms / 1000;
    long millis = ms % 1000;
    long hours = totalSeconds / 3600;
    long minutes = (totalSeconds % 3600) / 60;
    long seconds = totalSeconds % 60;
    String s = millis == 0 ? seconds + "s" : String.format(java.util.Locale.ROOT, "%d.%03ds", seconds, millis).replaceAll("0+s$", "s");
    if (hours > 0) {
      return hours + "h " + minutes + "m " + s;
    }
    if (minutes > 0) {
      return minutes + "m " + s;
    }
    return s;
  }
}
