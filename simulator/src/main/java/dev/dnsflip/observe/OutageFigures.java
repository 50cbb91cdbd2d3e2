package dev.dnsflip.observe;

/**
 * Inside one outage's window, summed over runs, for one part of the population: its queries
 * answered and not, the clients that queried there and those of them whose every query there was
 * answered (they rode the outage through).
 *
 * @param kind the group's kind as reports name it, null for everyone
 */
public record OutageFigures(String name, String kind, long answered, long failed, long clients, long riders) {
  public OutageFigures {
    if (answered < 0 || failed < 0 || riders < 0 || riders > clients) {
      throw new IllegalArgumentException("outage counts out of range: " + answered + ", " + failed + ", " + riders
          + " of " + clients);
    }
  }

  /** The answered share of the queries made inside the window; NaN when none was. */
  public double answeredShare() {
    long all = answered + failed;
    return all == 0 ? Double.NaN : (double) answered / all;
  }

  /** The share of the clients that queried inside the window whose every query there was answered; NaN when none did. */
  public double rideThroughShare() {
    return clients == 0 ? Double.NaN : (double) riders / clients;
  }
}
