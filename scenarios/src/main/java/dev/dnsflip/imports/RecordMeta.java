package dev.dnsflip.imports;

/**
 * What Cloudflare's API says about a record beyond its content. A BIND export carries none of
 * it, hence {@link #UNKNOWN}: category detection then relies on content alone.
 *
 * @param readOnlyKnown whether the export said if the record is read-only ({@code meta.read_only})
 * @param readOnly Cloudflare made the record for a product (R2, Workers custom domain, ...)
 * @param managedByArgoTunnel older API records of Tunnel CNAMEs carry this flag
 */
public record RecordMeta(boolean readOnlyKnown, boolean readOnly, boolean managedByArgoTunnel) {
  public static final RecordMeta UNKNOWN = new RecordMeta(false, false, false);
}
