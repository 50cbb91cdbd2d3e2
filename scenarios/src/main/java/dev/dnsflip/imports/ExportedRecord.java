package dev.dnsflip.imports;

import dev.dnsflip.format.Location;
import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * One record as an export states it, before its zone is assembled: any type (SOA excepted), with
 * Cloudflare's flags and where it was read, so later checks can point at the line.
 *
 * @param proxiedStated whether the export said proxied or not ({@code cf-proxied:} or the API's
 *     {@code proxied}); when it did not, the record is taken as DNS-only and the summary says so
 * @param flatten {@code cf-flatten-cname} or the API's {@code settings.flatten_cname}
 */
public record ExportedRecord(
    Record record, boolean proxied, boolean proxiedStated, boolean flatten, RecordMeta meta, Location at) {
  public ExportedRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(at, "at");
  }
}
