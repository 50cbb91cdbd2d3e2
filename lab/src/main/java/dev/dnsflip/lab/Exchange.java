package dev.dnsflip.lab;

/** One query in wire format in, its response out (null: send nothing), for either transport. */
@FunctionalInterface
interface Exchange {
  byte[] answer(byte[] query, QueryLog.Transport transport);
}
