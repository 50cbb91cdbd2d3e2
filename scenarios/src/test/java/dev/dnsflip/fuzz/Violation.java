package dev.dnsflip.fuzz;

/**
 * A case the CLI answered wrongly.
 *
 * @param invocation which command line of the case ({@code run}, {@code import}, {@code run-wrapped})
 * @param signature what went wrong, without seed-specific detail, so that one defect found by many
 *     seeds has one signature ({@code bind import: exit 3 java.lang.ArithmeticException at ...})
 * @param detail stderr or the exception, shortened
 */
record Violation(FuzzCase fuzzCase, String invocation, String signature, String detail) {}
