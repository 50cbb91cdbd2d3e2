package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.APEX;
import static dev.dnsflip.lab.LabAccount.APP;
import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.DNS_ONLY;
import static dev.dnsflip.lab.LabAccount.MISSING;
import static dev.dnsflip.lab.LabAccount.NEGATIVE_TTL_S;
import static dev.dnsflip.lab.LabAccount.TARGET;
import static dev.dnsflip.lab.LabAccount.WWW;
import static dev.dnsflip.lab.LabAccount.address;
import static dev.dnsflip.lab.LabAccount.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.lab.QueryLog.Transport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The lab authority alone, over real UDP and TCP on loopback: each answer rule, in both settings. */
class LabAuthorityTest {
  private static final InetAddress HOST = Loopback.v4(53);

  private final Account account = LabAccount.account();
  private LabAuthority authority;

  @BeforeEach
  void start() throws IOException {
    authority = LabAuthority.start(account, new InetSocketAddress(HOST, 0));
  }

  @AfterEach
  void stop() throws IOException {
    authority.close();
  }

  private Message ask(Transport transport, Name name, int type) throws IOException {
    return new Probe(authority.address(), transport == Transport.TCP).ask(name, type).response();
  }

  private static List<String> answerSection(Message m) {
    List<String> out = new ArrayList<>();
    for (Record r : m.getSection(Section.ANSWER)) {
      out.add(r.toString());
    }
    return out;
  }

  private static SOARecord soa(Message m) {
    List<Record> authority = m.getSection(Section.AUTHORITY);
    assertThat(authority).as("authority section of a negative answer").hasSize(1);
    return (SOARecord) authority.get(0);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void proxiedAAnswersAnycastWhenOffAndOriginWithAutoTtlWhenOn(Transport transport) throws IOException {
    Message off = ask(transport, WWW, Type.A);
    assertThat(off.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(off.getHeader().getFlag(Flags.AA)).as("authoritative").isTrue();
    assertThat(off.getHeader().getFlag(Flags.RA)).as("no recursion offered").isFalse();
    assertThat(new Observation(0, 0, off).provenance(account)).isEqualTo(Provenance.ANYCAST);
    assertThat(new Observation(0, 0, off).addresses()).containsExactlyElementsOf(account.anycastV4());
    assertThat(off.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(AUTO_TTL_S));

    authority.enable();
    Message on = ask(transport, WWW, Type.A);
    assertThat(on.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(new Observation(0, 0, on).addresses()).containsExactly(address(LabAccount.ORIGIN_V4));
    assertThat(on.getSection(Section.ANSWER).get(0).getTTL()).as("origin answers keep Auto TTL").isEqualTo(AUTO_TTL_S);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void proxiedCnameIsFlattenedToAnycastWhenOffAndAnswersTheCnameItselfWhenOn(Transport transport) throws IOException {
    Message off = ask(transport, APP, Type.A);
    assertThat(new Observation(0, 0, off).provenance(account)).isEqualTo(Provenance.ANYCAST);
    assertThat(off.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getName()).isEqualTo(APP));

    authority.enable();
    Message on = ask(transport, APP, Type.A);
    assertThat(on.getHeader().getFlag(Flags.AA)).isTrue();
    List<Record> answer = on.getSection(Section.ANSWER);
    assertThat(answer).as("only the CNAME: the resolver follows it to the target's own zone").hasSize(1);
    assertThat(answer.get(0)).isInstanceOf(CNAMERecord.class);
    assertThat(((CNAMERecord) answer.get(0)).getTarget()).isEqualTo(TARGET);
    assertThat(answer.get(0).getTTL()).isEqualTo(AUTO_TTL_S);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aOnlyNameGetsSynthesisedAaaaWhenOffAndNodataWithTheSoaAndNegativeTtlWhenOn(Transport transport)
      throws IOException {
    Message off = ask(transport, WWW, Type.AAAA);
    assertThat(new Observation(0, 0, off).addresses()).containsExactlyElementsOf(account.anycastV6());

    authority.enable();
    Message on = ask(transport, WWW, Type.AAAA);
    assertThat(on.getRcode()).as("NODATA").isEqualTo(Rcode.NOERROR);
    assertThat(on.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(on.getSection(Section.ANSWER)).isEmpty();
    SOARecord soa = soa(on);
    assertThat(soa.getName()).isEqualTo(APEX);
    assertThat(soa.getTTL()).as("RFC 2308: SOA TTL = min(SOA TTL 3, MINIMUM 60)").isEqualTo(NEGATIVE_TTL_S);
    assertThat(soa.getMinimum()).isEqualTo(LabAccount.SOA.minimumSeconds());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void missingNameIsNxdomainWithTheSoaInBothSettings(Transport transport) throws IOException {
    for (int i = 0; i < 2; i++) {
      Message m = ask(transport, MISSING, Type.A);
      assertThat(m.getRcode()).as("switch " + authority.enabled()).isEqualTo(Rcode.NXDOMAIN);
      assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
      assertThat(soa(m).getTTL()).isEqualTo(NEGATIVE_TTL_S);
      authority.enable();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void dnsOnlyAndExternalRecordsKeepTheirOwnTtlWhateverTheSwitch(Transport transport) throws IOException {
    for (int i = 0; i < 2; i++) {
      Message direct = ask(transport, DNS_ONLY, Type.A);
      assertThat(new Observation(0, 0, direct).addresses()).containsExactly(address(LabAccount.DNS_ONLY_V4));
      assertThat(direct.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(60);
      Message target = ask(transport, TARGET, Type.A);
      assertThat(target.getHeader().getFlag(Flags.AA)).as("external zones are served too").isTrue();
      assertThat(target.getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(LabAccount.EXTERNAL_TTL_S);
      authority.enable();
    }
  }

  /** The wire answer is the model's answer, record for record, TTLs included, for every question. */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyAnswerIsExactlyTheModels(Transport transport) throws IOException {
    Authority model = new Authority(account);
    for (boolean enabled : new boolean[] {false, true}) {
      if (enabled) {
        authority.enable();
      }
      for (Name name : List.of(WWW, APP, DNS_ONLY, MISSING, TARGET, APEX)) {
        for (int type : new int[] {Type.A, Type.AAAA}) {
          Answer expected = model.answer(new Question(name, type), enabled);
          Message m = ask(transport, name, type);
          String what = Type.string(type) + " " + name + " with the switch " + (enabled ? "on" : "off");
          if (expected.kind() == AnswerKind.DATA || expected.kind() == AnswerKind.CNAME) {
            assertThat(answerSection(m)).as(what)
                .containsExactlyInAnyOrderElementsOf(expected.records().stream().map(Record::toString).toList());
          } else {
            boolean nx = expected.kind() == AnswerKind.NXDOMAIN && !name.equals(APEX);
            assertThat(m.getRcode()).as(what).isEqualTo(nx ? Rcode.NXDOMAIN : Rcode.NOERROR);
            assertThat(m.getSection(Section.ANSWER)).as(what).isEmpty();
            assertThat(soa(m).getTTL()).as(what + ": negative TTL").isEqualTo(expected.ttlSeconds());
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void apexAnswersSoaAndNsAndTheNameserverHostResolvesToTheServer(Transport transport) throws IOException {
    Message soa = ask(transport, APEX, Type.SOA);
    SOARecord record = (SOARecord) soa.getSection(Section.ANSWER).get(0);
    assertThat(record.getTTL()).isEqualTo(LabAccount.SOA.ttlSeconds());
    assertThat(record.getMinimum()).isEqualTo(LabAccount.SOA.minimumSeconds());

    Message ns = ask(transport, APEX, Type.NS);
    assertThat(ns.getHeader().getFlag(Flags.AA)).isTrue();
    Name host = ((NSRecord) ns.getSection(Section.ANSWER).get(0)).getTarget();
    assertThat(host).isEqualTo(Responder.nameserverName(APEX));

    Message glue = ask(transport, host, Type.A);
    assertThat(new Observation(0, 0, glue).addresses()).containsExactly(HOST);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void otherTypesAnswerTheCnameOrNodataOrNxdomain(Transport transport) throws IOException {
    assertThat(ask(transport, WWW, Type.TXT).getSection(Section.ANSWER)).isEmpty();
    assertThat(ask(transport, MISSING, Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    authority.enable();
    assertThat(ask(transport, APP, Type.TXT).getSection(Section.ANSWER))
        .singleElement().isInstanceOf(CNAMERecord.class);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void namesOutsideTheZonesAreRefusedAndNotAuthoritative(Transport transport) throws IOException {
    Message m = ask(transport, name("www.example.org."), Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
  }

  @Test
  void countsEveryQueryPerNameTypeAndTransport() throws IOException {
    ask(Transport.UDP, WWW, Type.A);
    ask(Transport.UDP, WWW, Type.A);
    ask(Transport.TCP, WWW, Type.A);
    ask(Transport.UDP, WWW, Type.AAAA);
    QueryLog log = authority.queries();
    assertThat(log.count(WWW, Type.A)).isEqualTo(3);
    assertThat(log.count(name("WWW.Example.COM."), Type.A)).as("names compare case-insensitively").isEqualTo(3);
    assertThat(log.count(WWW, Type.AAAA)).isEqualTo(1);
    assertThat(log.count(APP, Type.A)).isZero();
    assertThat(log.total()).isEqualTo(4);
    assertThat(log.received(new Question(WWW, Type.A))).extracting(QueryLog.Received::transport)
        .containsExactly(Transport.UDP, Transport.UDP, Transport.TCP);
  }

  @Test
  void switchTakesEffectForTheNextQuery() throws IOException {
    long before = System.currentTimeMillis();
    long at = authority.enable();
    assertThat(at).isGreaterThanOrEqualTo(before);
    assertThat(authority.enabled()).isTrue();
    assertThat(new Observation(0, 0, ask(Transport.UDP, WWW, Type.A)).provenance(account)).isEqualTo(Provenance.ORIGIN);
    authority.disable();
    assertThat(new Observation(0, 0, ask(Transport.UDP, WWW, Type.A)).provenance(account)).isEqualTo(Provenance.ANYCAST);
  }

  /** A SERVFAIL outage: every query, logged, gets SERVFAIL (no AA, no records) until recover(). */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void servfailOutageAnswersServfailToEveryQueryUntilRecovered(Transport transport) throws IOException {
    long before = System.currentTimeMillis();
    long at = authority.fail(LabAuthority.Failure.SERVFAIL);
    assertThat(at).isGreaterThanOrEqualTo(before);
    assertThat(authority.failure()).isEqualTo(LabAuthority.Failure.SERVFAIL);
    for (Name name : List.of(WWW, APEX, name("www.example.org."))) {
      Message failed = ask(transport, name, Type.A);
      assertThat(failed.getRcode()).as("%s", name).isEqualTo(Rcode.SERVFAIL);
      assertThat(failed.getHeader().getFlag(Flags.AA)).as("%s", name).isFalse();
      assertThat(failed.getQuestion().getName()).isEqualTo(name);
      assertThat(failed.getSection(Section.ANSWER)).isEmpty();
      assertThat(failed.getSection(Section.AUTHORITY)).isEmpty();
    }
    assertThat(authority.queries().count(WWW, Type.A)).as("queries are logged during an outage").isEqualTo(1);

    assertThat(authority.recover()).isGreaterThanOrEqualTo(at);
    assertThat(authority.failure()).isNull();
    Message answered = ask(transport, WWW, Type.A);
    assertThat(answered.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answerSection(answered)).isNotEmpty();
  }

  /**
   * A silent outage: the query is logged and nothing comes back (over TCP the connection is
   * closed unanswered), so the asker times out, until recover().
   */
  @ParameterizedTest
  @EnumSource(Transport.class)
  void timeoutOutageAnswersNothingButLogsTheQuery(Transport transport) throws IOException {
    authority.fail(LabAuthority.Failure.TIMEOUT);
    Probe impatient = new Probe(authority.address(), transport == Transport.TCP, Duration.ofMillis(300));
    assertThatThrownBy(() -> impatient.ask(WWW, Type.A)).isInstanceOf(IOException.class);
    assertThat(authority.queries().received(new Question(WWW, Type.A))).singleElement()
        .satisfies(r -> assertThat(r.transport()).isEqualTo(transport));

    authority.recover();
    Observation after;
    try {
      after = impatient.ask(WWW, Type.A);
    } catch (java.nio.channels.ClosedChannelException e) {
      // Over TCP the outage closed the probe's connection, and dnsjava's client may try that
      // connection once more before it notices; a client then dials again, as this one does.
      after = impatient.ask(WWW, Type.A);
    }
    assertThat(after.response().getRcode()).isEqualTo(Rcode.NOERROR);
  }

  /** A plain-DNS client (no EDNS) may take 512 bytes over UDP: a longer answer is cut with TC, and whole over TCP. */
  @Test
  void overlongUdpAnswerIsTruncatedAndWholeOverTcp() throws IOException {
    List<InetAddress> pool = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      pool.add(address("104.16.0." + i));
    }
    Account big = new Account(account.zones(), AUTO_TTL_S, pool, account.anycastV6(), SwitchSettings.DEFAULTS,
        account.externalZones());
    try (LabAuthority server = LabAuthority.start(big, new InetSocketAddress(HOST, 0))) {
      Message query = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
      assertThat(query.getOPT()).as("no EDNS in the query").isNull();
      byte[] wire = query.toWire();
      Message udp;
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(Loopback.v4(1), 0))) {
        socket.setSoTimeout(2_000);
        socket.send(new DatagramPacket(wire, wire.length, server.address()));
        DatagramPacket in = new DatagramPacket(new byte[4096], 4096);
        socket.receive(in);
        assertThat(in.getLength()).isLessThanOrEqualTo(512);
        udp = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
      }
      assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
      Message tcp = new Probe(server.address(), true).ask(WWW, Type.A).response();
      assertThat(tcp.getSection(Section.ANSWER)).hasSize(40);
    }
  }

  @Test
  void echoesEdnsOnlyWhenTheQueryHasIt() {
    Responder responder = new Responder(new Authority(account), HOST);
    Message plain = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
    assertThat(responder.respond(plain, false).getOPT()).isNull();
    Message edns = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
    edns.addRecord(new org.xbill.DNS.OPTRecord(4096, 0, 0), Section.ADDITIONAL);
    assertThat(responder.respond(edns, false).getOPT().getPayloadSize()).isEqualTo(Responder.EDNS_PAYLOAD);
    assertThat(Responder.udpLimit(plain)).isEqualTo(512);
    assertThat(Responder.udpLimit(edns)).isEqualTo(4096);
  }

  @Test
  void portZeroPicksOnePortForBothTransportsAndCloseReleasesIt() throws IOException {
    int port = authority.port();
    assertThat(port).isPositive();
    assertThat(authority.address().getAddress()).isEqualTo(HOST);
    authority.close();
    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(HOST, port));
        ServerSocket tcp = new ServerSocket()) {
      tcp.setReuseAddress(true);
      tcp.bind(new InetSocketAddress(HOST, port));
      assertThat(udp.getLocalPort()).isEqualTo(tcp.getLocalPort());
    }
    authority = LabAuthority.start(account, new InetSocketAddress(HOST, port));
    assertThat(authority.port()).as("a given port is used as is").isEqualTo(port);
  }

  @Test
  void refusesAddressesOutsideLoopback() throws IOException {
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    assertThatThrownBy(() -> LabAuthority.start(account, new InetSocketAddress(documentation, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.0/8");
    assertThatThrownBy(() -> LabAuthority.start(account, new InetSocketAddress(InetAddress.getByName("::1"), 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
