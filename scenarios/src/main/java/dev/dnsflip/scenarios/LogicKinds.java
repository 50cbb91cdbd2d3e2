package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.LogicChoice;

/**
 * The registry's entry for {@code logic:} of a resolver group: which {@link CacheLogic} runs its
 * caches. {@code model} is dnsflip's own cache through the resolver SPI; any other word is a class
 * implementing {@link CacheLogic}, found by its name (or a {@link java.util.ServiceLoader}
 * provider's simple name) through the thread's context class loader, which the CLI extends with
 * {@code --classpath} and which in a user's test already sees the test's classes. Unlike the
 * policy families the kinds are open (any class), so the explorer never draws one: it keeps a
 * group's logic as the scenario names it and shrinks everything around it.
 */
public final class LogicKinds {
  LogicKinds() {}

  /** The scenario key. */
  public String key() {
    return "logic";
  }

  /** The logic a value names, placed at the value when there is no such class. */
  public LogicChoice read(Node value) throws InputException {
    return value.parse(text -> LogicChoice.find(text, loader()));
  }

  /** As written in a scenario file. */
  public String write(LogicChoice logic) {
    return logic.name();
  }

  /** How it is written, for messages. */
  public String forms() {
    return LogicChoice.MODEL_NAME + " or the name of a class implementing " + CacheLogic.class.getName();
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : LogicKinds.class.getClassLoader();
  }
}
