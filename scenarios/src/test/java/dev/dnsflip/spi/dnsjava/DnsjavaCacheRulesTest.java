package dev.dnsflip.spi.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Credibility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;

/**
 * The rules of dnsjava 3.6's Cache behind what DnsjavaCacheTest measures, each shown on the cache
 * itself, in real time (about 4 s of waits, all through Awaitility).
 */
class DnsjavaCacheRulesTest {
  private static final Name WWW = name("www.example.com.");

  @Test
  void anEntryDiesAtTheStartOfTheWallSecondItsTtlEndsIn() throws Exception {
    Cache cache = new Cache();
    // Store late in a wall second: expire = second + 2, so it lives about 1.1 s of its 2 s TTL.
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(2))
        .until(() -> System.currentTimeMillis() % 1000 >= 880 && System.currentTimeMillis() % 1000 < 940);
    long storedSecond = System.currentTimeMillis() / 1000;
    cache.addRRset(rrset("192.0.2.1", 2), Credibility.AUTH_ANSWER);

    awaitWallSecond(storedSecond + 1, 100);
    assertThat(cache.lookupRecords(WWW, Type.A, Credibility.NORMAL).isSuccessful()).isTrue();
    assertThat(cache.lookupRecords(WWW, Type.A, Credibility.NORMAL).answers().get(0).getTTL())
        .as("handed out with its original TTL after a second").isEqualTo(2);
    awaitWallSecond(storedSecond + 2, 10);
    assertThat(cache.lookupRecords(WWW, Type.A, Credibility.NORMAL).isUnknown()).isTrue();
  }

  @Test
  void aFresherAnswerReplacesAnEntryOnlyWithAtLeastItsCredibility() {
    Cache cache = new Cache();
    cache.addRRset(rrset("192.0.2.1", 300), Credibility.AUTH_ANSWER);

    cache.addRRset(rrset("198.51.100.1", 300), Credibility.NONAUTH_ANSWER);
    assertThat(address(cache)).as("a less credible answer is ignored").isEqualTo("192.0.2.1");

    cache.addRRset(rrset("198.51.100.1", 300), Credibility.AUTH_ANSWER);
    assertThat(address(cache)).as("an equally credible one replaces it").isEqualTo("198.51.100.1");
  }

  @Test
  void nodataIsKeptForMinOfSoaTtlAndMinimumAndNotAtAllWithSoaTtlZero() {
    Cache cache = new Cache();
    cache.addNegative(WWW, Type.AAAA, soa(0, 3600), Credibility.AUTH_ANSWER);
    assertThat(cache.lookupRecords(WWW, Type.AAAA, Credibility.NORMAL).isUnknown()).as("SOA TTL 0").isTrue();

    long storedSecond = System.currentTimeMillis() / 1000;
    cache.addNegative(WWW, Type.AAAA, soa(3600, 1), Credibility.AUTH_ANSWER);
    assertThat(cache.lookupRecords(WWW, Type.AAAA, Credibility.NORMAL).isNXRRSET()).isTrue();
    awaitWallSecond(storedSecond + 1, 10);
    assertThat(cache.lookupRecords(WWW, Type.AAAA, Credibility.NORMAL).isUnknown())
        .as("gone after min(3600, 1) = 1 s").isTrue();
  }

  @Test
  void aCachedCnameAnswersEveryTypeOfItsNameThatHasNoDataOfItsOwn() throws Exception {
    Cache cache = new Cache();
    RRset cname = new RRset(new org.xbill.DNS.CNAMERecord(WWW, DClass.IN, 300, name("origin.example.net.")));
    cache.addRRset(cname, Credibility.AUTH_ANSWER);
    cache.addRRset(rrset("192.0.2.1", 300), Credibility.AUTH_ANSWER);

    SetResponse a = cache.lookupRecords(WWW, Type.A, Credibility.NORMAL);
    SetResponse aaaa = cache.lookupRecords(WWW, Type.AAAA, Credibility.NORMAL);

    assertThat(a.isSuccessful()).as("the A data is found before the CNAME").isTrue();
    assertThat(aaaa.isCNAME()).isTrue();
    assertThat(aaaa.getCNAME().getTarget()).isEqualTo(name("origin.example.net."));
  }

  private static void awaitWallSecond(long second, long intoItMs) {
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(3))
        .until(() -> System.currentTimeMillis() >= second * 1000 + intoItMs);
  }

  private static String address(Cache cache) {
    return ((ARecord) cache.lookupRecords(WWW, Type.A, Credibility.NORMAL).answers().get(0).first())
        .getAddress().getHostAddress();
  }

  private static RRset rrset(String address, long ttl) {
    try {
      return new RRset(new ARecord(WWW, DClass.IN, ttl, InetAddress.getByName(address)));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SOARecord soa(long ttl, long minimum) {
    Name zone = name("example.com.");
    return new SOARecord(zone, DClass.IN, ttl, name("ns.example.com."), name("admin.example.com."), 1, 3600, 600,
        86400, minimum);
  }

  private static Name name(String s) {
    try {
      return Name.fromString(s);
    } catch (org.xbill.DNS.TextParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
