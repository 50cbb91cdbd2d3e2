/**
 * What every file format of dnsflip shares: the one located error type for bad input, where a
 * value was read, and one reader of YAML and JSON into trees that keep both (scenarios are YAML,
 * saved API pages JSON).
 */
package dev.dnsflip.format;
