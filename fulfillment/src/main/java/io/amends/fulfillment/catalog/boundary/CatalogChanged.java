package io.amends.fulfillment.catalog.boundary;

import java.time.Instant;

/**
 * An administrator added or changed a catalog item. Fired synchronously in the transaction of the change, so an
 * observer's audit entry commits with it.
 *
 * @param change {@code ADDED} or {@code CHANGED}
 * @param summary what the item is now, in one line
 */
public record CatalogChanged(long itemId, String change, String summary, String actor, Instant at) {
}
