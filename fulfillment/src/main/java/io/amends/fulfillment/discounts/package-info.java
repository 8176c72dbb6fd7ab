/**
 * Discount codes: issued as apology gifts, typed by customers into storefronts, redeemed once.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>Format.</b> {@code AMD-7KQ4-XW9P-3HTR-MJ}: the fixed prefix {@code AMD}, thirteen random symbols and one
 *   check symbol, in groups of four, which are easy to read aloud and to copy by eye. The prefix tells
 *   support staff and storefronts what kind of code it is; it carries no randomness and is not part of the check.
 *   </li>
 *   <li><b>Alphabet.</b> {@code 23456789ABCDEFGHJKMNPQRTVWXYZ}, 29 symbols: the digits and capital letters without
 *   {@code 0 O} and {@code 1 I L} (read as each other), {@code U} (read as {@code V}; and, as in Crockford's base 32,
 *   it keeps accidental words rarer) and {@code S} (read as {@code 5}). Leaving out S as well was not only for
 *   readability: a prime number of symbols is what makes the simple check below exact.</li>
 *   <li><b>Unguessable.</b> The random symbols come from {@link java.security.SecureRandom}, each uniform over the
 *   alphabet: 13 x log2(29) = 63.2 bits. Someone trying a billion codes against a million live ones hits one with
 *   probability about 1e-4, and the storefront endpoint should be rate-limited long before that. Codes are bearer
 *   secrets: log them shortened ({@code AMD-7KQ4-…}), never whole.</li>
 *   <li><b>Check symbol.</b> Symbol values 0..28 are weighted 14, 13, ..., 1 from the left, and the check symbol
 *   makes the sum divisible by 29 (the scheme of ISBN-10, over a prime of our own). Mistyping one symbol adds
 *   {@code weight x difference}; swapping two adds {@code (weight difference) x (value difference)}. Every factor
 *   is between 1 and 28, and 29 is prime, so neither is ever divisible by 29: <em>every</em> single substitution and
 *   <em>every</em> transposition, adjacent or not, is caught, which the tests confirm exhaustively for thousands of
 *   codes. A random string passes with probability 1/29. Damm or ISO 7064 MOD 37,36 would need a 32- or 36-symbol
 *   alphabet, i.e. ambiguous characters back, or an extra check-only symbol.</li>
 *   <li><b>Lenient about layout, strict about symbols.</b>
 *   {@link io.amends.fulfillment.discounts.control.Codes#normalize(String)} accepts any case, any spaces and dashes
 *   (also en dashes, non-breaking and zero-width spaces from copied text, full-width forms from Asian keyboards), and
 *   the prefix left out. The only substitution it makes is {@code S} to {@code 5}, because S is never printed and 5
 *   is its only look-alike. {@code O 0 I 1 L U} are refused rather than guessed: each could be more than one symbol
 *   (or none), and a guessed correction that happens to pass the check would turn a typo into somebody else's code.
 *   </li>
 *   <li><b>No database round trip for garbage.</b> {@code normalize} returns empty for anything that is not a
 *   well-formed code (bad characters, length, prefix or check symbol), and callers answer "unknown code" straight
 *   away. The same answer as for a well-formed code that does not exist, so that the endpoint reveals nothing about
 *   which codes exist. Only the canonical form is stored and looked up, under a unique constraint, which also makes
 *   the (astronomically unlikely) duplicate a retry instead of a second owner.</li>
 *   <li><b>Redeeming exactly as often as allowed.</b>
 *   {@link io.amends.fulfillment.discounts.boundary.Discounts#redeem} locks the code's row ({@code SELECT ... FOR
 *   UPDATE}) for its transaction, so concurrent redemptions of one code queue up, each sees what the one before
 *   committed, and the limit is never passed; a check constraint ({@code redeemed <= redemption_limit}) backs it in the
 *   database. A redemption is unique per (code, storefront, storefront order reference): the same order asking again
 *   gets its first redemption back and nothing changes. Each new redemption fires
 *   {@link io.amends.fulfillment.orders.boundary.DiscountRedeemed}, which the case side audits.</li>
 *   <li><b>Where codes come from.</b> A discount-code order ({@code Orders.place}) issues its code in the caller's
 *   transaction and is DELIVERED at once; an administrator may also issue a goodwill code by hand, with a reason, which
 *   fires {@link io.amends.fulfillment.discounts.boundary.GoodwillCodeIssued} for the audit trail. The whole code is
 *   shown to whoever issued it, once; events and logs carry it shortened.</li>
 * </ul>
 */
package io.amends.fulfillment.discounts;
