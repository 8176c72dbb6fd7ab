/**
 * Gift vendors behind one service provider interface, {@link io.amends.fulfillment.vendors.boundary.Vendor}: submit
 * an order (with its idempotency key), ask for its status, cancel it, read its callbacks.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Three vendors.</b> {@code simulated}, built in and the demo default, whose orders are rows moved on by a
 *   sweep ({@link io.amends.fulfillment.vendors.boundary.SimulatedShipmentsSweep}), never in-memory timers, and which
 *   misbehaves on request (rates, or markers in the card message); {@code handwrytten}, a handwritten-card API modeled
 *   on Handwrytten's; {@code florist}, a generic florist / gift-basket order API. The HTTP adapters use the
 *   MicroProfile REST Client built with {@code RestClientBuilder} (base URL, connect and read timeouts from
 *   {@code amends.vendor.<name>.*}), answer raw responses that {@code HttpAnswers} classifies, and carry
 *   {@code @Timeout} and {@code @CircuitBreaker} (a rejection does not open the circuit).</li>
 *   <li><b>Failures by type.</b> {@link io.amends.fulfillment.vendors.boundary.VendorRejection} is the vendor's final
 *   no; anything else thrown is "try again later".</li>
 *   <li><b>Signed callbacks.</b> {@code POST /api/v1/vendors/{vendor}/callbacks} is open at the HTTP level and
 *   authenticated by {@link io.amends.fulfillment.vendors.control.CallbackSignature}: HMAC-SHA256 over
 *   {@code timestamp + "." + body} with the vendor's secret, the timestamp within {@code amends.vendor.callback.tolerance}
 *   of the wall clock. Refusals are logged, never explained to the caller. An unknown vendor order id answers 404 so
 *   that the vendor retries: the callback may have overtaken our record of the submission.</li>
 * </ul>
 */
package io.amends.fulfillment.vendors;
