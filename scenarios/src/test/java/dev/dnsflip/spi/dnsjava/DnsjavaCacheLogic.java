package dev.dnsflip.spi.dnsjava;

import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Credibility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;

/**
 * dnsjava 3.6's {@link Cache} as a resolver cache under the switch. The cache reads the wall clock,
 * so the adapter plays simulated time on it ({@link CompressedClock}): before each question it
 * waits for the simulated instant, and it stores answers with every TTL divided by the clock's
 * factor (an Auto TTL of 60 s is stored as 6 s at factor 10), then multiplies what the cache hands
 * out back. Answers the authority gave are stored as {@link Credibility#AUTH_ANSWER}, as
 * {@code Cache.addMessage} stores an authoritative answer section; lookups ask for
 * {@link Credibility#NORMAL}, as {@code Lookup} does.
 *
 * <p>The cache answers with its own records, so the adapter keeps what it received by RRset
 * content (and the negative answers by question) to hand the harness the same answer back.
 */
public final class DnsjavaCacheLogic implements CacheLogic {
  private final Cache cache = new Cache(DClass.IN);
  private final CompressedClock clock;
  private final Map<String, Reply> byContent = new HashMap<>();
  private final Map<String, Reply> negatives = new HashMap<>();
  private int hits;
  private int hitsWithOriginalTtl;

  DnsjavaCacheLogic(CompressedClock clock) {
    this.clock = clock;
  }

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    clock.awaitSimulated(nowMs);
    SetResponse found = cache.lookupRecords(question.name(), question.type(), Credibility.NORMAL);
    Reply cached = fromCache(question, found);
    if (cached != null) {
      hits++;
      if (cached.ttlMs() == cached.originalTtlMs()) {
        hitsWithOriginalTtl++;
      }
      return cached;
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      store(question, fresh);
    }
    return fresh;
  }

  /** Hits so far, and how many of them handed out the answer's original TTL. */
  int hits() {
    return hits;
  }

  int hitsWithOriginalTtl() {
    return hitsWithOriginalTtl;
  }

  private Reply fromCache(Question q, SetResponse found) {
    if (found.isSuccessful()) {
      RRset set = found.answers().get(0);
      return known(byContent.get(key(set.getName(), set.getType(), set.rrs())), set.getTTL());
    }
    if (found.isCNAME()) {
      Record cname = found.getCNAME();
      return known(byContent.get(key(cname.getName(), Type.CNAME, List.of(cname))), cname.getTTL());
    }
    if (found.isNXRRSET() || found.isNXDOMAIN()) {
      Reply negative = negatives.get(q.toString());
      // The cache keeps no TTL a client could be told for a negative entry: the resolver would
      // answer with the SOA it received, so the original negative TTL.
      return negative == null ? null : negative.cached(negative.ttlMs());
    }
    return null;
  }

  private Reply known(Reply received, long compressedTtlS) {
    if (received == null) {
      throw new IllegalStateException("dnsjava's cache returned an RRset the adapter never stored");
    }
    return received.cached(compressedTtlS * 1000L * clock.factor());
  }

  private void store(Question q, Reply fresh) {
    Answer a = fresh.answer();
    long ttl = compressedSeconds(fresh.ttlMs());
    if (a.kind() == AnswerKind.NODATA || a.kind() == AnswerKind.NXDOMAIN) {
      Name zone = q.name();
      SOARecord soa = new SOARecord(zone, DClass.IN, ttl, Name.root, Name.root, 1, 3600, 600, 86400, ttl);
      cache.addNegative(q.name(), a.kind() == AnswerKind.NXDOMAIN ? 0 : q.type(), soa, Credibility.AUTH_ANSWER);
      negatives.put(q.toString(), fresh);
      return;
    }
    RRset set = new RRset();
    for (Record r : a.records()) {
      set.addRR(Record.newRecord(r.getName(), r.getType(), r.getDClass(), ttl, r.rdataToWireCanonical()));
    }
    cache.addRRset(set, Credibility.AUTH_ANSWER);
    byContent.put(key(set.getName(), set.getType(), set.rrs()), fresh);
  }

  private long compressedSeconds(long ttlMs) {
    long unit = 1000L * clock.factor();
    if (ttlMs % unit != 0) {
      throw new IllegalArgumentException("TTL " + ttlMs + " ms is not a whole number of compressed seconds ("
          + clock.factor() + " s each)");
    }
    return ttlMs / unit;
  }

  private static String key(Name name, int type, List<Record> records) {
    List<String> data = new ArrayList<>();
    for (Record r : records) {
      data.add(Arrays.toString(r.rdataToWireCanonical()));
    }
    data.sort(null);
    return name + " " + Type.string(type) + " " + data;
  }
}
