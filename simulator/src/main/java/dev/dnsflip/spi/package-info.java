/**
 * The resolver SPI: cache logic of one's own ({@link dev.dnsflip.spi.CacheLogic}) run by the
 * simulator in simulated time, beside the built-in kinds. docs/testing-your-resolver.md shows a
 * complete example; docs/ARCHITECTURE.md ("The resolver SPI") how the harness runs it.
 */
package dev.dnsflip.spi;
