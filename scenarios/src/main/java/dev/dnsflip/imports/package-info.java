/**
 * Imports a user's real Cloudflare account from the exports they already have, so dnsflip can
 * simulate the enforce DNS-only switch on their own zones.
 *
 * <p>Inputs, told apart by content: the dashboard's BIND export ({@link
 * dev.dnsflip.imports.BindExportReader}, one file per zone, proxying and flattening in
 * {@code cf_tags=} comments) and saved pages of {@code GET /zones/{zone_id}/dns_records} ({@link
 * dev.dnsflip.imports.ApiJsonReader}, grouped by zone and checked for missing pages). Both become
 * the simulator's {@code Zone}s through one assembly step, which assigns categories ({@link
 * dev.dnsflip.imports.CategoryDetector}, overridable per name) and refuses what Cloudflare itself
 * would not hold.
 *
 * <p>Decisions: records the simulator does not model (MX, TXT, NS, ...) are kept and counted,
 * never dropped; a record whose export says nothing about proxying is DNS-only and counted as an
 * assumption; zones and outside CNAME targets come out in DNS canonical order; every user error is
 * an {@link dev.dnsflip.format.InputException} naming file, line and (for JSON) column.
 *
 * <p>Output: {@link dev.dnsflip.imports.ImportedAccount}, its {@link
 * dev.dnsflip.imports.ImportSummary} text, and the scenario's {@code account:} section written by
 * {@link dev.dnsflip.imports.AccountYamlWriter}.
 */
package dev.dnsflip.imports;
