package dev.dnsflip.authority;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Record;

/**
 * One authoritative answer, interned: the simulator refers to it by index and never builds it
 * per query.
 *
 * @param records the RRset as dnsjava records (addresses, or the CNAME; empty when negative)
 * @param target the question to follow for a CNAME answer, else null
 */
public record Answer(AnswerKind kind, Provenance provenance, long ttlSeconds, List<Record> records,
    Question target) {
  public Answer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(provenance, "provenance");
    records = List.copyOf(records);
    if ((kind == AnswerKind.CNAME) != (target != null)) {
      throw new ModelRuleException("a CNAME answer needs a target, others none");
    }
  }
}
