package dev.dnsflip.authority;

import java.util.Objects;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One record of a zone as Cloudflare stores it: the dnsjava record (owner, type, content, TTL as
 * configured: 1 means Auto), whether it is proxied, its category, and whether a CNAME is
 * flattened (always at the apex; {@code cf-flatten-cname} elsewhere).
 */
public record DnsRecord(Record record, boolean proxied, Category category, boolean flatten) {
  /** Cloudflare's API and exports write Auto TTL as 1. */
  public static final long AUTO_TTL = 1;

  public DnsRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(category, "category");
    int type = record.getType();
    if (proxied && type != Type.A && type != Type.AAAA && type != Type.CNAME) {
      throw new IllegalArgumentException(
          "only A, AAAA and CNAME records can be proxied, not " + Type.string(type));
    }
  }

  public static DnsRecord regular(Record record, boolean proxied) {
    return new DnsRecord(record, proxied, Category.REGULAR, false);
  }

  public int type() {
    return record.getType();
  }

  public boolean isAutoTtl() {
    return record.getTTL() == AUTO_TTL;
  }
}
