package dev.dnsflip.testing;

import dev.dnsflip.spi.CacheLogic;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a scenario file once for the test class (JUnit 5) and hands its report to every test that
 * takes a {@link dev.dnsflip.reports.TransitionReport} parameter:
 *
 * <pre>{@code
 * @DnsflipScenario(value = "src/test/resources/switch.yaml", logic = MyCache.class)
 * class MyCacheTest {
 *   @Test void settles(TransitionReport report) { assertThat(report).afterSwitch(1)...; }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(DnsflipExtension.class)
public @interface DnsflipScenario {
  /** The scenario file, relative to the working directory (the module's directory under Maven). */
  String value();

  /** Cache logic to run the resolver groups with; {@code CacheLogic.class} (the default) keeps the file's. */
  Class<? extends CacheLogic> logic() default CacheLogic.class;

  /** The resolver groups {@link #logic()} runs; every group when empty. */
  String[] groups() default {};

  /** Worker threads; 0 = every processor. Reports are the same whatever the count. */
  int threads() default 0;
}
