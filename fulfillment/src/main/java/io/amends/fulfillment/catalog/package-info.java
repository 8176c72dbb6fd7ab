/**
 * The gift catalog: what can be sent, by which vendor under which SKU, at what price, to which countries.
 *
 * <p>Design decisions: items are never deleted (orders point at them), only retired; discount codes are not catalog
 * items (Amends issues them itself); availability is a set of ISO 3166-1 countries per item rather than per vendor,
 * because vendors' ranges differ by product; every change by an administrator fires
 * {@link io.amends.fulfillment.catalog.boundary.CatalogChanged}, which the application audits. The demo catalog is
 * seeded by the migration on the simulated vendor and the two HTTP vendors.
 */
package io.amends.fulfillment.catalog;
