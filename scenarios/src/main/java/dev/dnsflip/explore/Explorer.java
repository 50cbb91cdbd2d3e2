package dev.dnsflip.explore;

import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Property-based exploration: for each property, {@code tries} scenarios generated from seeds
 * derived from a master seed (the first try uses the master seed itself, so a failing case seed
 * given as {@code --seed S --tries 1} replays that case); the first violation is shrunk to a
 * minimal scenario and exploration stops. Same master seed, same tries, same result.
 */
public final class Explorer {
  /** How one property fared: tries generated, how many it applied to, how many of those passed. */
  public record Tally(String property, int tries, int applied, int passed) {}

  /**
   * The first failure: the property, the try and its case seed, the generated scenario and its
   * violation, and the shrunk result.
   */
  public record Failure(Property property, int attempt, long caseSeed, Scenario original, Violation originalViolation,
      Shrinker.Result shrunk) {
    public Scenario minimal() {
      return shrunk.minimal();
    }

    public Violation violation() {
      return shrunk.violation();
    }
  }

  /** What an exploration found; {@code failure} is null when every try passed. */
  public record Result(long masterSeed, int tries, List<Tally> tallies, Failure failure) {
    public boolean passed() {
      return failure == null;
    }
  }

  private final ScenarioGenerator generator;
  private final Shrinker shrinker;

  public Explorer() {
    this(new ScenarioGenerator(), new Shrinker());
  }

  public Explorer(ScenarioGenerator generator, Shrinker shrinker) {
    this.generator = generator;
    this.shrinker = shrinker;
  }

  /** The seed of try {@code attempt}: the master seed first, then a mix of it and the index. */
  public static long caseSeed(long masterSeed, int attempt) {
    if (attempt == 0) {
      return masterSeed;
    }
    long z = masterSeed + attempt * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public Result explore(List<Property> properties, long masterSeed, int tries) {
    return explore(properties, masterSeed, tries, t -> { });
  }

  /** @param progress told each property's tally as soon as it is done */
  public Result explore(List<Property> properties, long masterSeed, int tries, Consumer<Tally> progress) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1");
    }
    List<Tally> tallies = new ArrayList<>();
    for (Property p : properties) {
      int applied = 0;
      int passed = 0;
      for (int i = 0; i < tries; i++) {
        long seed = caseSeed(masterSeed, i);
        Scenario s = generator.generate(seed, p.profile());
        if (!p.appliesTo(s)) {
          continue;
        }
        applied++;
        Optional<Violation> v = Shrinker.check(p, s);
        if (v.isPresent()) {
          Tally t = new Tally(p.name(), i + 1, applied, passed);
          tallies.add(t);
          progress.accept(t);
          Shrinker.Result shrunk = shrinker.shrink(s, v.get(), p);
          return new Result(masterSeed, tries, List.copyOf(tallies), new Failure(p, i, seed, s, v.get(), shrunk));
        }
        passed++;
      }
      Tally t = new Tally(p.name(), tries, applied, passed);
      tallies.add(t);
      progress.accept(t);
    }
    return new Result(masterSeed, tries, List.copyOf(tallies), null);
  }
}
