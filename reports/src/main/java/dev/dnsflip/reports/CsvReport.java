package dev.dnsflip.reports;

import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.StaleSeries;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The stale series of every switch event, one row per time bucket, for spreadsheets and plotting
 * tools: {@code switch,direction,from_ms,to_ms,uses,stale_uses,stale_share,predicted}. Shares are
 * plain decimals (no exponent, no locale); an empty field means no value (no use in the bucket,
 * no closed-form point in it). RFC 4180 layout with '\n' line ends.
 */
public final class CsvReport {
  public static final String HEADER = "switch,direction,from_ms,to_ms,uses,stale_uses,stale_share,predicted";

  private CsvReport() {}

  public static String render(TransitionReport report) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (EventReport event : report.events()) {
      StaleSeries s = event.series();
      long windowMs = event.windowEndMs() - event.atMs();
      for (int b = 0; b < s.buckets(); b++) {
        long from = b * s.bucketMs();
        long to = Math.min(windowMs, from + s.bucketMs());
        out.append(Figures.number(event)).append(',')
            .append(event.direction().name().toLowerCase(Locale.ROOT)).append(',')
            .append(from).append(',').append(to).append(',')
            .append(s.uses()[b]).append(',').append(s.staleUses()[b]).append(',')
            .append(decimal(s.share(b))).append(',')
            .append(decimal(predicted(event, from, to))).append('\n');
      }
    }
    return out.toString();
  }

  private static double predicted(EventReport event, long from, long to) {
    for (ClosedFormPoint p : event.closedForm()) {
      if (p.offsetMs() >= from && p.offsetMs() < to) {
        return p.predicted();
      }
    }
    return Double.NaN;
  }

  private static String decimal(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : "";
  }
}
