/**
 * The client portal's view of cases: what a customer may see of their own account's cases, and nothing else.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Tenant isolation in the queries.</b> Every read goes through {@code Cases.get(caller, id)} or a query
 *   filtered by the client's account, and a case, gift or code of another account answers "not found", exactly like
 *   one that does not exist, so ids cannot be probed. Pages and resources add nothing to this rule.</li>
 *   <li><b>Records, not entities.</b> {@link io.amends.portal.boundary.ClientCases} answers with records that hold
 *   only what the customer may see: the status, the sent apology, the commitments with their due dates and the notes
 *   marked for the client, gifts and discounts once approved, and the timeline lines marked for the client. Internal
 *   notes, the policy's verdict and numbers, costs, the lifetime value and spend are never in them, so neither a page
 *   nor an API answer can show them by mistake.</li>
 *   <li><b>Gifts appear once approved.</b> A proposal waiting for finance is internal deliberation: the portal does not
 *   promise what may not be given (the practice: don't promise what you can't keep).</li>
 * </ul>
 */
package io.amends.portal;
