/**
 * Gift orders, sent exactly once in effect through a transactional outbox.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Outbox.</b> {@link io.amends.fulfillment.orders.boundary.Orders#place} is {@code MANDATORY}: the order row
 *   commits with the decision that made it (an approved proposal) or not at all, and nothing is sent in that
 *   transaction. {@link io.amends.fulfillment.orders.boundary.Dispatcher}, a non-persistent five-second timer on every
 *   node, claims due rows, calls the vendors outside any transaction and records each answer in a short transaction
 *   of its own ({@link io.amends.fulfillment.orders.boundary.Dispatch}).</li>
 *   <li><b>Exactly once in effect.</b> One idempotency key per order (the case side uses one per proposal): placing it
 *   again answers the first receipt, and a unique constraint stops two concurrent first placements. The key goes to the
 *   vendor as {@code Idempotency-Key} on every attempt, so a retry after a lost answer, or a second node's send after
 *   the first node died mid-call, finds the order the vendor already has.</li>
 *   <li><b>Claims.</b> {@link io.amends.fulfillment.orders.control.Claims}: {@code SELECT ... FOR UPDATE SKIP LOCKED}
 *   (PostgreSQL with {@code ORDER BY}; H2 2.2/2.3 without it, because H2 with both {@code ORDER BY} and {@code FETCH
 *   FIRST} hands a second transaction no rows at all) plus a conditional update that sets an owner and a lease. A
 *   node that dies leaves a lease that runs out ({@code amends.fulfillment.dispatch.lease}); a node records an answer
 *   only while it still holds the claim.</li>
 *   <li><b>Retries.</b> {@link io.amends.fulfillment.orders.control.Retries}: exponential backoff with jitter, the next
 *   time in the row ({@code next_attempt_at}); a vendor's 4xx is a final no (FAILED at once), 5xx, 408, 429, timeouts
 *   and refused connections are retried until the limit makes the order FAILED. MicroProfile Fault Tolerance
 *   ({@code @Timeout}, {@code @CircuitBreaker}) guards the adapters' calls.</li>
 *   <li><b>News.</b> Vendors report through signed callbacks; the dispatcher also asks each vendor about its open orders
 *   every {@code amends.fulfillment.poll.interval}, so a lost callback delays the news and loses nothing. Reports
 *   never move an order backwards: duplicates and stale news are ignored and say so
 *   ({@link io.amends.fulfillment.orders.entity.OrderStatus#canMoveTo}).</li>
 *   <li><b>History and events.</b> Every status change writes a history row and fires
 *   {@link io.amends.fulfillment.orders.boundary.OrderChanged} in its transaction, FAILED included; failed attempts and
 *   refused cancellations are history notes without an event.</li>
 *   <li><b>Cancelling.</b> A PENDING order not being sent is cancelled at once; a sent one through the outbox (the
 *   vendor's yes makes it CANCELLED, its no leaves it as it was, with a note); a shipped one no more.</li>
 * </ul>
 */
package io.amends.fulfillment.orders;
