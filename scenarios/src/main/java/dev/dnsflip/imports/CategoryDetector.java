package dev.dnsflip.imports;

import dev.dnsflip.authority.Category;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Tells a record's {@link Category} from what an export shows (FACTS-cloudflare.md, "How to
 * recognise them in exported data"): Tunnel = CNAME to {@code *.cfargotunnel.com} or
 * {@code meta.managed_by_argo_tunnel}; R2 custom domain = CNAME to {@code public.r2.dev};
 * Web3 gateway = CNAME to {@code ethereum.cloudflare.com} or {@code ipfs.cloudflare.com};
 * Workers custom domain = AAAA {@code 100::}. R2 and Workers custom domain records are read-only
 * records Cloudflare makes: when the API says a matching record is not read-only, the user made it
 * (an AAAA 100:: placeholder is the usual way to attach a Worker route) and it stays regular. A
 * BIND export does not say, so content alone decides.
 *
 * <p>Load balancers, Worker routes, Spectrum and the SaaS fallback origin leave no trace in an
 * export: they come only from the caller's overrides (owner name to category), which always win.
 */
public final class CategoryDetector {
  /** The category and why, for the import summary. */
  public record Detection(Category category, String reason) {
    public Detection {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static final Name TUNNEL = Name.fromConstantString("cfargotunnel.com.");
  private static final Name R2 = Name.fromConstantString("public.r2.dev.");
  private static final Name ETHEREUM = Name.fromConstantString("ethereum.cloudflare.com.");
  private static final Name IPFS = Name.fromConstantString("ipfs.cloudflare.com.");
  private static final byte[] WORKERS_ADDRESS = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}; // 100::

  private final Map<Name, Category> overrides;

  /** @param overrides absolute owner name -> category; applies to every A/AAAA/CNAME at that name */
  public CategoryDetector(Map<Name, Category> overrides) {
    this.overrides = Map.copyOf(overrides);
    for (Name name : this.overrides.keySet()) {
      if (!name.isAbsolute()) {
        throw new IllegalArgumentException("override names must be absolute: " + name);
      }
    }
  }

  public Detection detect(Record record, RecordMeta meta) {
    Category override = overrides.get(record.getName());
    if (override != null) {
      return new Detection(override, "override");
    }
    if (meta.managedByArgoTunnel()) {
      return new Detection(Category.TUNNEL, "meta.managed_by_argo_tunnel");
    }
    if (record instanceof CNAMERecord cname) {
      Name target = cname.getTarget();
      if (target.subdomain(TUNNEL) && !target.equals(TUNNEL)) {
        return new Detection(Category.TUNNEL, "CNAME target under cfargotunnel.com");
      }
      if (target.equals(R2)) {
        return readOnly(Category.R2_CUSTOM_DOMAIN, "CNAME to public.r2.dev", meta);
      }
      if (target.equals(ETHEREUM) || target.equals(IPFS)) {
        return new Detection(Category.WEB3_GATEWAY, "CNAME to " + target.toString(true).toLowerCase(Locale.ROOT));
      }
    }
    if (record instanceof AAAARecord aaaa && Arrays.equals(aaaa.getAddress().getAddress(), WORKERS_ADDRESS)) {
      return readOnly(Category.WORKERS_CUSTOM_DOMAIN, "AAAA 100::", meta);
    }
    return new Detection(Category.REGULAR, "no platform marker");
  }

  private static Detection readOnly(Category category, String marker, RecordMeta meta) {
    if (!meta.readOnlyKnown()) {
      return new Detection(category, marker);
    }
    if (meta.readOnly()) {
      return new Detection(category, marker + ", read-only");
    }
    return new Detection(Category.REGULAR, marker + " not read-only (user-made)");
  }
}
