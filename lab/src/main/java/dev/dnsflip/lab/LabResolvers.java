package dev.dnsflip.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resolvers the lab drives by name, each at its Debian 12 defaults against a lab authority,
 * with the preset that models those defaults: what {@code dnsflip lab run --resolver} and
 * {@code lab calibrate} start.
 */
public enum LabResolvers {
  UNBOUND("unbound", "unbound-1.17"),
  BIND("bind", "bind-9.18"),
  KNOT("knot", "knot-resolver-5.6"),
  PDNS("pdns", "pdns-recursor-4.8"),
  DNSMASQ("dnsmasq", "dnsmasq-2.90");

  private final String key;
  private final String preset;

  LabResolvers(String key, String preset) {
    this.key = key;
    this.preset = preset;
  }

  /** The command line's word for it. */
  public String key() {
    return key;
  }

  /** The preset of the simulator that models this software at its defaults. */
  public String preset() {
    return preset;
  }

  public static Optional<LabResolvers> byKey(String key) {
    for (LabResolvers r : values()) {
      if (r.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The software whose defaults {@code preset} models. */
  public static Optional<LabResolvers> byPreset(String preset) {
    for (LabResolvers r : values()) {
      if (r.preset.equals(preset)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  public static List<String> keys() {
    return java.util.Arrays.stream(values()).map(LabResolvers::key).toList();
  }

  /** Starts this software at its defaults in front of {@code authority}, its files in {@code workDir}. */
  public LabResolver start(LabAuthority authority, Path workDir) throws IOException {
    return switch (this) {
      case UNBOUND -> UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)), workDir);
      case BIND -> BindLab.start(BindSettings.against(authority), workDir);
      case KNOT -> KnotLab.start(KnotSettings.against(authority), workDir);
      case PDNS -> PdnsLab.start(PdnsSettings.against(authority), workDir);
      case DNSMASQ -> DnsmasqLab.start(DnsmasqSettings.against(authority), workDir);
    };
  }
}
