package dev.dnsflip.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One record of a zone as Cloudflare stores it: the dnsjava record (owner, type, content, TTL as
 * configured: 1 means Auto), whether it is proxied, its category, and whether a CNAME is
 * flattened (always at the apex; {@code cf-flatten-cname} elsewhere). What any zone refuses is
 * checked here; the TTL range Cloudflare accepts is the account's rule ({@link Account}), since
 * external zones keep whatever TTL their owner chose.
 */
public record DnsRecord(Record record, boolean proxied, Category category, boolean flatten) {
  /** Cloudflare's API and exports write Auto TTL as 1. */
  public static final long AUTO_TTL = 1;

  public DnsRecord {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(category, "category");
    Problem.requireNone(problems(record, proxied, flatten));
  }

  public static DnsRecord regular(Record record, boolean proxied) {
    return new DnsRecord(record, proxied, Category.REGULAR, false);
  }

  /**
   * What a record with these values breaks, paths relative to the record ({@code proxied},
   * {@code flatten}, {@code record.ttl}); empty when it may be built.
   */
  public static List<Problem> problems(Record record, boolean proxied, boolean flatten) {
    return problems(record.getType(), record.getTTL(), proxied, flatten);
  }

  /** The same rules on the values a reader has before a dnsjava record exists (which refuses a bad TTL). */
  public static List<Problem> problems(int type, long ttlSeconds, boolean proxied, boolean flatten) {
    List<Problem> problems = new ArrayList<>();
    if (proxied && type != Type.A && type != Type.AAAA && type != Type.CNAME) {
      problems.add(new Problem("proxied", "only A, AAAA and CNAME records can be proxied, not " + Type.string(type)));
    }
    if (flatten && type != Type.CNAME) {
      problems.add(new Problem("flatten", "flatten applies only to CNAME records"));
    }
    if (!SecondsRange.POSITIVE.contains(ttlSeconds)) {
      problems.add(new Problem("record.ttl", ttlSeconds < SecondsRange.POSITIVE.min()
          ? "TTL must be >= 1 (1 = Auto)" : "TTL must be <= " + SecondsRange.POSITIVE.max()));
    } else if (proxied && ttlSeconds != AUTO_TTL) {
      // Cloudflare does not let a proxied record's TTL be edited; another value would mislead.
      problems.add(new Problem("record.ttl", "a proxied record's TTL is always Auto: leave ttl out or set it to 1"));
    }
    return problems;
  }

  public DnsRecord withCategory(Category newCategory) {
    return new DnsRecord(record, proxied, newCategory, flatten);
  }

  public DnsRecord withFlatten(boolean newFlatten) {
    return new DnsRecord(record, proxied, category, newFlatten);
  }

  public int type() {
    return record.getType();
  }

  public boolean isAutoTtl() {
    return record.getTTL() == AUTO_TTL;
  }
}
