package dev.dnsflip.testing;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.spi.CacheLogic;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link DnsflipScenario}'s extension: the report of the annotated class's scenario, run on first
 * use and kept in the class's store, so the tests of one class share one run. A scenario file with
 * bad input fails the tests with the file's own located message.
 */
public final class DnsflipExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DnsflipExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TransitionReport.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    DnsflipScenario spec = testClass.getAnnotation(DnsflipScenario.class);
    if (spec == null) {
      throw new ExtensionConfigurationException(testClass.getName() + " needs @DnsflipScenario to get a report");
    }
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> run(spec), TransitionReport.class);
  }

  private static TransitionReport run(DnsflipScenario spec) {
    LoadedScenario scenario;
    try {
      scenario = Dnsflip.load(Path.of(spec.value()));
    } catch (InputException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    if (spec.logic() != CacheLogic.class) {
      scenario = Dnsflip.withLogic(scenario, spec.logic(), spec.groups());
    }
    return Dnsflip.run(scenario, spec.threads() == 0 ? Dnsflip.defaultThreads() : spec.threads());
  }
}
