package dev.dnsflip.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Category;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class CategoryDetectorTest {
  static final CategoryDetector DETECTOR = new CategoryDetector(Map.of());
  static final RecordMeta READ_ONLY = new RecordMeta(true, true, false);
  static final RecordMeta USER_MADE = new RecordMeta(true, false, false);

  static Record record(String owner, int type, String content) {
    try {
      return Record.fromString(Name.fromString(owner), type, DClass.IN, 1, content, Name.root);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static CategoryDetector.Detection detect(int type, String content, RecordMeta meta) {
    return DETECTOR.detect(record("x.example.com.", type, content), meta);
  }

  @Test
  void aCnameUnderCfargotunnelIsATunnel() {
    assertThat(detect(Type.CNAME, "6f1c2a7e.cfargotunnel.com.", RecordMeta.UNKNOWN))
        .isEqualTo(new CategoryDetector.Detection(Category.TUNNEL, "CNAME target under cfargotunnel.com"));
    // The domain itself is not a tunnel's target.
    assertThat(detect(Type.CNAME, "cfargotunnel.com.", RecordMeta.UNKNOWN).category()).isEqualTo(Category.REGULAR);
  }

  @Test
  void theArgoTunnelFlagMakesATunnelWhateverTheTarget() {
    assertThat(detect(Type.CNAME, "origin.example.org.", new RecordMeta(false, false, true)))
        .isEqualTo(new CategoryDetector.Detection(Category.TUNNEL, "meta.managed_by_argo_tunnel"));
  }

  @Test
  void aCnameToPublicR2DevIsAnR2CustomDomain() {
    assertThat(detect(Type.CNAME, "public.r2.dev.", RecordMeta.UNKNOWN))
        .isEqualTo(new CategoryDetector.Detection(Category.R2_CUSTOM_DOMAIN, "CNAME to public.r2.dev"));
    assertThat(detect(Type.CNAME, "public.r2.dev.", READ_ONLY).reason()).isEqualTo("CNAME to public.r2.dev, read-only");
  }

  @Test
  void aCnameToAWeb3GatewayIsWeb3() {
    assertThat(detect(Type.CNAME, "ethereum.cloudflare.com.", RecordMeta.UNKNOWN))
        .isEqualTo(new CategoryDetector.Detection(Category.WEB3_GATEWAY, "CNAME to ethereum.cloudflare.com"));
    assertThat(detect(Type.CNAME, "IPFS.cloudflare.com.", RecordMeta.UNKNOWN))
        .isEqualTo(new CategoryDetector.Detection(Category.WEB3_GATEWAY, "CNAME to ipfs.cloudflare.com"));
  }

  @Test
  void aReadOnlyAaaa100IsAWorkersCustomDomain() {
    assertThat(detect(Type.AAAA, "100::", READ_ONLY))
        .isEqualTo(new CategoryDetector.Detection(Category.WORKERS_CUSTOM_DOMAIN, "AAAA 100::, read-only"));
    // A BIND export cannot say read-only: content alone decides.
    assertThat(detect(Type.AAAA, "100:0:0::", RecordMeta.UNKNOWN).category()).isEqualTo(Category.WORKERS_CUSTOM_DOMAIN);
  }

  @Test
  void aUserMadeAaaa100StaysRegular() {
    assertThat(detect(Type.AAAA, "100::", USER_MADE))
        .isEqualTo(new CategoryDetector.Detection(Category.REGULAR, "AAAA 100:: not read-only (user-made)"));
    assertThat(detect(Type.CNAME, "public.r2.dev.", USER_MADE).category()).isEqualTo(Category.REGULAR);
  }

  @Test
  void anythingElseIsRegular() {
    assertThat(detect(Type.A, "192.0.2.1", RecordMeta.UNKNOWN))
        .isEqualTo(new CategoryDetector.Detection(Category.REGULAR, "no platform marker"));
    assertThat(detect(Type.AAAA, "100::1", RecordMeta.UNKNOWN).category()).isEqualTo(Category.REGULAR);
    assertThat(detect(Type.CNAME, "cloudflare.com.", RecordMeta.UNKNOWN).category()).isEqualTo(Category.REGULAR);
  }

  @Test
  void overridesWinOverDetection() {
    CategoryDetector detector = new CategoryDetector(Map.of(
        Name.fromConstantString("edge.example.com."), Category.WORKER_ROUTE,
        Name.fromConstantString("lb.example.com."), Category.LOAD_BALANCER));

    assertThat(detector.detect(record("edge.example.com.", Type.AAAA, "100::"), READ_ONLY))
        .isEqualTo(new CategoryDetector.Detection(Category.WORKER_ROUTE, "override"));
    assertThat(detector.detect(record("lb.example.com.", Type.A, "192.0.2.1"), RecordMeta.UNKNOWN).category())
        .isEqualTo(Category.LOAD_BALANCER);
    assertThat(detector.detect(record("other.example.com.", Type.A, "192.0.2.1"), RecordMeta.UNKNOWN).category())
        .isEqualTo(Category.REGULAR);
  }

  @Test
  void overrideNamesMustBeAbsolute() throws Exception {
    Name relative = Name.fromString("www");

    assertThatThrownBy(() -> new CategoryDetector(Map.of(relative, Category.SPECTRUM)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
