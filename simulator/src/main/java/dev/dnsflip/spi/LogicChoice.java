package dev.dnsflip.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Which {@link CacheLogic} a resolver group runs, as a model value: {@link #MODEL} (dnsflip's own
 * cache, with the group's behaviour, through this interface) or a class of the user's. Two choices
 * are equal when they name the same class, so a scenario written out and read back is equal.
 */
public final class LogicChoice {
  /** The name {@link #MODEL} is written as in scenario files. */
  public static final String MODEL_NAME = "model";
  /** dnsflip's own cache model (the group's policies) run through {@link CacheLogic}. */
  public static final LogicChoice MODEL = new LogicChoice(MODEL_NAME, null, null);

  private final String name;
  private final Class<? extends CacheLogic> type; // null for MODEL
  private final Supplier<? extends CacheLogic> factory; // null for MODEL

  private LogicChoice(String name, Class<? extends CacheLogic> type, Supplier<? extends CacheLogic> factory) {
    this.name = name;
    this.type = type;
    this.factory = factory;
  }

  /** A class of one's own; it needs a public constructor without parameters. */
  public static LogicChoice of(Class<? extends CacheLogic> type) {
    Objects.requireNonNull(type, "type");
    Constructor<? extends CacheLogic> constructor = constructorOf(type);
    return new LogicChoice(type.getName(), type, () -> construct(type.getName(), constructor));
  }

  /**
   * A class of one's own built by {@code factory} (one call per cache), for logic that takes
   * settings: only from code, since a scenario file can name a class but not pass it arguments.
   */
  public static <T extends CacheLogic> LogicChoice of(Class<T> type, Supplier<? extends T> factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    return new LogicChoice(type.getName(), type, () -> {
      try {
        return Objects.requireNonNull(factory.get(), "the factory returned null");
      } catch (RuntimeException e) {
        throw CacheLogicFailure.constructing(type.getName(), e);
      }
    });
  }

  /**
   * The logic a scenario names: {@code model}, a provider of {@link CacheLogic} registered for
   * {@link ServiceLoader} whose class has this name (full or simple), or a class of this full name,
   * both looked up through {@code loader}. Refused with a message saying what was looked for.
   */
  public static LogicChoice find(String name, ClassLoader loader) {
    String wanted = name.strip();
    if (wanted.equals(MODEL_NAME)) {
      return MODEL;
    }
    for (ServiceLoader.Provider<CacheLogic> p : ServiceLoader.load(CacheLogic.class, loader).stream().toList()) {
      if (p.type().getName().equals(wanted) || p.type().getSimpleName().equals(wanted)) {
        return of(p.type());
      }
    }
    Class<?> type;
    try {
      type = Class.forName(wanted, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("no cache logic '" + wanted + "': no class of that name on the class path "
          + "(give it with --classpath DIR|JAR) and no " + CacheLogic.class.getName() + " provider of that name; "
          + "expected " + MODEL_NAME + " or a class implementing " + CacheLogic.class.getName());
    }
    if (!CacheLogic.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("class " + wanted + " does not implement " + CacheLogic.class.getName());
    }
    return of(type.asSubclass(CacheLogic.class));
  }

  private static Constructor<? extends CacheLogic> constructorOf(Class<? extends CacheLogic> type) {
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException("cache logic " + type.getName() + " must be a public, non-abstract class");
    }
    try {
      return type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("cache logic " + type.getName()
          + " needs a public constructor without parameters (one instance per cache)");
    }
  }

  /** {@code model}, or the class's full name. */
  public String name() {
    return name;
  }

  /** The name reports give the behaviour: {@code model} or the class's simple name. */
  public String kind() {
    return type == null ? MODEL_NAME : type.getSimpleName();
  }

  public boolean isModel() {
    return type == null;
  }

  /** A fresh instance for one cache; what its constructor throws is a failure of that logic. */
  public CacheLogic newInstance() {
    if (factory == null) {
      throw new IllegalStateException("the model logic is built by the harness from the group's behaviour");
    }
    return factory.get();
  }

  private static CacheLogic construct(String name, Constructor<? extends CacheLogic> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw CacheLogicFailure.constructing(name, e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + name, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogicChoice other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
