/**
 * Customer accounts: the companies and consumers Amends apologises to, their contact people, their lifetime value
 * (LTV) with its whole history, and the tier that value earns.
 *
 * <p>Design decisions:
 * <ul>
 *   <li>The LTV is set from outside (the CRM by {@code PUT /accounts/{id}/ltv}, finance by CSV import), never
 *   computed here. Every value is a row of {@link io.amends.accounts.entity.LtvChange} with its source, when it took
 *   effect, when and by whom it was recorded; rows are never changed or removed. "The LTV at time T" is the newest
 *   row that had taken effect by T (ties: the later recorded), so a past decision can be explained with the value it
 *   was taken under even when a correction arrives later. A value may be back-dated (it then only fills the history
 *   and the current value stays with the newest), never future-dated beyond a minute of clock skew.</li>
 *   <li>The account keeps its current value as well, for fast lists; it moves only with a value at least as new.</li>
 *   <li>The tier is derived, never stored or typed in: {@link io.amends.accounts.entity.TierLadder} reads it off the
 *   thresholds an administrator sets (each tier once, strictly falling, BRONZE from 0), so changing a threshold
 *   re-tiers every account at once. Thresholds are minor units whatever the account's currency.</li>
 *   <li>A client sees their own account only, in a reduced form: never its LTV, tier, history or manager. Asking
 *   for another account answers "not found", so ids cannot be probed. The boundary refuses LTV reads to clients
 *   even if the REST layer let one through.</li>
 *   <li>CSV import is all or nothing ({@link io.amends.accounts.control.LtvCsv}): every row is checked before
 *   anything is written and every problem is reported at once with its row number (the header is row 1, as a
 *   spreadsheet shows it); at most 10,000 rows or 2 MB per file. Names must match one account exactly (any case);
 *   an ambiguous name is refused in favour of the id. One audit entry per import carries the file's SHA-256; each
 *   value is in the history with source CSV_IMPORT.</li>
 *   <li>Every change (account opened or changed, contact added or changed, LTV set, import, thresholds) appends an
 *   audit entry in its own transaction. Lost updates are refused with the version the change was based on
 *   ({@link io.amends.accounts.entity.StaleVersion}, 409).</li>
 *   <li>Account names are not unique (two consumers may share one); search is by part of the name, any case.</li>
 * </ul>
 */
package io.amends.accounts;
