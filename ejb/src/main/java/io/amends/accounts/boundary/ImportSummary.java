package io.amends.accounts.boundary;

import java.time.Instant;

/**
 * What an import wrote.
 *
 * @param rows     lifetime values recorded (one per value row)
 * @param accounts distinct accounts they belong to
 * @param current  accounts whose current value changed (the others received only older values, for the history)
 * @param sha256   the digest of the file as received, also in the audit trail, to match a file to its import
 */
public record ImportSummary(int rows, int accounts, int current, Instant importedAt, String sha256) {
}
