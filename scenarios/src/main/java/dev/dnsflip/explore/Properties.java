package dev.dnsflip.explore;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The properties dnsflip ships, in the order {@code dnsflip explore --property all} checks them. */
public final class Properties {
  private Properties() {}

  public static List<Property> shipped() {
    return List.of(BoundProperty.ttlBound(), BoundProperty.floorBound(), BoundProperty.clientCacheBound(),
        BoundProperty.serveStaleBound(), new DeterminismProperty(), new ConsistencyProperty());
  }

  public static Optional<Property> named(List<Property> properties, String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public static String names(List<Property> properties) {
    return properties.stream().map(Property::name).collect(Collectors.joining(", "));
  }
}
