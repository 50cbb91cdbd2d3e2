package dev.dnsflip.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;

/**
 * What dnsmasq's {@code log-queries=extra} says it did with each query for one name and type, in
 * arrival order: forwarded upstream, or answered from its cache. Each query's lines carry its
 * serial number ("dnsmasq[PID]: 30 127.0.0.1/41202 query[A] www.example.com from 127.0.0.1",
 * then "30 ... forwarded www.example.com to 127.0.0.54#5300" or "30 ... cached www.example.com is
 * ..."), so forwards are told from hits exactly, even when the upstream is not the lab authority.
 */
final class DnsmasqQueries {
  private static final Pattern LINE = Pattern.compile("^dnsmasq\\[\\d+\\]: (\\d+) \\S+ (\\S+) (\\S+)", Pattern.MULTILINE);

  private DnsmasqQueries() {}

  /** For each query for {@code name}/{@code type} (e.g. "A"), whether dnsmasq forwarded it. */
  static List<Boolean> forwarded(String log, Name name, String type) {
    String wanted = name.toString(true); // dnsmasq logs names without the final dot
    Map<String, Boolean> byId = new LinkedHashMap<>();
    Matcher m = LINE.matcher(log);
    while (m.find()) {
      String id = m.group(1);
      String what = m.group(2);
      if (!m.group(3).equalsIgnoreCase(wanted)) {
        continue;
      }
      if (what.equals("query[" + type + "]")) {
        byId.putIfAbsent(id, false);
      } else if (what.equals("forwarded") && byId.containsKey(id)) {
        byId.put(id, true);
      }
    }
    return new ArrayList<>(byId.values());
  }
}
