package dev.dnsflip.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.format.InputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** An export meets the model's rules: the model's message at the record's line. */
class ZoneAssemblerRulesTest {
  private static final Name EXAMPLE_COM = Name.fromConstantString("example.com.");

  private static InputException refused(String text) {
    return catchThrowableOfType(InputException.class, () -> ZoneAssembler.assemble(
        BindExportReader.read("t.txt", text, EXAMPLE_COM), new CategoryDetector(Map.of())));
  }

  @Test
  void aZeroTtlIsTheRecordsRefusal() {
    InputException e = refused("www\t0\tIN\tA\t192.0.2.1 ; cf_tags=cf-proxied:false\n");
    assertThat(e.problem()).isEqualTo(DnsRecord.problems(Type.A, 0, false, false).get(0).message());
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void anOwnerOutsideTheZoneIsTheZonesRefusalEvenForAnUnmodelledType() {
    InputException e = refused("www.example.org.\t1\tIN\tTXT\t\"x\"\n");
    assertThat(e.problem()).isEqualTo(Zone.ownerProblem(EXAMPLE_COM, Name.fromConstantString("www.example.org."))
        .orElseThrow().message());
  }

  @Test
  void theLastRecordAtAnOwnerWithACnameIsRefusedAndNamesTheFirst() {
    InputException e = refused("www\t1\tIN\tCNAME\ta.example.net. ; cf_tags=cf-proxied:false\n"
        + "www\t1\tIN\tAAAA\t2001:db8::1 ; cf_tags=cf-proxied:false\n");
    assertThat(e.getMessage()).isEqualTo("t.txt:2: www.example.com has a CNAME, which cannot share its name with "
        + "other records (first record at t.txt:1)");
  }
}
