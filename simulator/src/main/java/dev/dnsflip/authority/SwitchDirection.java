package dev.dnsflip.authority;

/** ENABLE: anycast -> origin. DISABLE: origin -> anycast. */
public enum SwitchDirection {
  ENABLE,
  DISABLE;

  public boolean settingAfter() {
    return this == ENABLE;
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
