package dev.dnsflip.cli;

import dev.dnsflip.authority.Category;
import dev.dnsflip.imports.AccountYamlWriter;
import dev.dnsflip.format.InputException;
import dev.dnsflip.imports.ImportedAccount;
import dev.dnsflip.imports.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip import FILE... > account.yaml}: turns Cloudflare BIND exports or DNS records API
 * JSON into the {@code account:} section of a scenario. The summary goes to stderr.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import Cloudflare BIND exports or DNS records API JSON pages; print the account: section of a "
        + "scenario on stdout and a summary of what was found on stderr.")
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "BIND export (one file per zone) or API JSON page")
  List<Path> files;

  @Option(names = "--category", paramLabel = "NAME=CATEGORY",
      description = "category of a record an export cannot tell (load-balancer, worker-route, spectrum, "
          + "saas-fallback-origin, ...); repeatable")
  Map<String, String> categories = new LinkedHashMap<>();

  @Option(names = "--scenario", description = "print a complete runnable scenario around the account (external "
      + "CNAME targets with flagged placeholder addresses, a default population and schedule)")
  boolean scenario;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<Name, Category> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : categories.entrySet()) {
      Category c = Category.fromKey(e.getValue());
      if (c == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "unknown category '" + e.getValue() + "' for "
            + e.getKey() + "; expected one of: " + String.join(", ",
                java.util.Arrays.stream(Category.values()).map(Category::key).toList()));
      }
      try {
        overrides.put(Name.fromString(e.getKey(), Name.root), c);
      } catch (TextParseException ex) {
        throw new CommandLine.ParameterException(spec.commandLine(), "bad name '" + e.getKey() + "': " + ex.getMessage());
      }
    }
    ImportedAccount account;
    try {
      account = Importer.load(files, overrides);
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.print(account.summary().render());
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.print(scenario ? AccountYamlWriter.scenario(account) : AccountYamlWriter.write(account));
    out.flush();
    return Main.OK;
  }
}
