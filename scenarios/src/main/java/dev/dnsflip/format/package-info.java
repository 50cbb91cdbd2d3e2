/**
 * What every file format of dnsflip shares: the one located error type for bad input, and where
 * a value was read.
 */
package dev.dnsflip.format;
