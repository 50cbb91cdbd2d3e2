/**
 * For users' own JUnit tests: run a switch scenario ({@link dev.dnsflip.testing.Dnsflip}) and bound
 * its report with AssertJ-style assertions ({@link dev.dnsflip.testing.DnsflipAssertions}), switch
 * events numbered from 1 as every report numbers them. Figures come from the metric registry and
 * failures are worded as the reports word them. Plugging in one's own resolver logic is not
 * possible yet.
 */
package dev.dnsflip.testing;
