/**
 * Fulfillment: sends the "sorry" that an apology case decided on (flowers, chocolates, a handwritten card from a
 * vendor, or a discount code issued on the spot) and lets storefronts redeem the codes. It knows nothing of cases.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>A contract, not a dependency.</b> The case side hands over an
 *   {@link io.amends.fulfillment.orders.boundary.OrderRequest} with an opaque {@code reference} (e.g.
 *   {@code proposal:123}) and hears back through CDI events fired in the transaction of each change:
 *   {@link io.amends.fulfillment.orders.boundary.OrderChanged} and
 *   {@link io.amends.fulfillment.orders.boundary.DiscountRedeemed}. Nothing in this module imports the case domain or
 *   the web layer (an ArchUnit test in the web module keeps it so).</li>
 *   <li><b>Its own exceptions.</b> {@link io.amends.fulfillment.FulfillmentException} and its three subclasses roll the
 *   transaction back like the case domain's, and the web layer maps them to problem documents the same way.</li>
 *   <li><b>Its own clock.</b> {@link io.amends.fulfillment.FulfillmentClock} is replaced by the embedding application
 *   (a CDI alternative in the web module delegates to the application clock), so tests that move time move
 *   fulfillment's too. Only the freshness of vendor signatures is judged by the wall clock: vendors sign in real time.</li>
 *   <li><b>One database, one persistence unit.</b> Fulfillment's tables come from its own Flyway migration
 *   ({@code db/migration/V2026_11_25_10__fulfillment.sql}, no foreign key to a case table); its entities are listed in
 *   the application's persistence unit, and its instants are stored by its own {@link io.amends.fulfillment.UtcInstantConverter}.</li>
 * </ul>
 */
package io.amends.fulfillment;
