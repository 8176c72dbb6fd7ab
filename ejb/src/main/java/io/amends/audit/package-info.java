/**
 * The audit trail: every action in Amends appends one entry, and the entries form a hash chain, so that altering,
 * removing, inserting or reordering entries after the fact is detected.
 *
 * <p>Design decisions:
 * <ul>
 *   <li><b>What is hashed.</b> Entry {@code n} stores {@code hash(n) = hex(SHA-256(UTF-8(hash(n-1) + canonical form of
 *   n)))}, with 64 zeros before entry 1 ({@link io.amends.audit.control.HashChain}). The canonical form
 *   ({@link io.amends.audit.control.AuditRecord#canonicalForm()}) is a versioned, line-per-field text with
 *   length-prefixed strings and a distinct null marker, so no two different records share a form: {@code ("ab","c")}
 *   and {@code ("a","bc")} differ, and so do {@code null} and {@code ""}. It is text rather than binary so that a
 *   person can read what was hashed and a script in any language can recompute it.</li>
 *   <li><b>Hash what the database gives back.</b> PostgreSQL and H2 store timestamps at microsecond precision, while
 *   {@code Instant.now()} has nanoseconds. If the hash covered nanoseconds, the entry read back would never match
 *   its hash. {@link io.amends.audit.control.AuditRecord} therefore truncates to microseconds in its constructor,
 *   before anything is hashed, and the value stored must be the record's. For the same reason it refuses currencies
 *   that a {@code CHAR(3)} column would pad and repairs unpaired surrogates that UTF-8 cannot carry.</li>
 *   <li><b>One digest prototype, cloned.</b> Hashing is on the path of every action. The SHA-256 instance is looked up
 *   once and cloned per hash instead of being cached per thread, because the server's pooled threads are not ours.
 *   </li>
 *   <li><b>Written in the action, chained just after.</b> An action writes its entry unnumbered
 *   ({@code audit_pending}) in its own transaction, so there is no action without its entry and no entry without
 *   its action. Numbering and hashing happen right after the commit, in batches, in the sealer's own short
 *   transaction ({@link io.amends.audit.boundary.AuditSealer}), the only one that locks {@code audit_head}. When the
 *   actions numbered their own entries, each held the head lock until it committed, so actions ran one at a time
 *   and, under load, waited for the lock while holding pooled connections (docs/performance.md). Readers of the
 *   trail seal first, so they see every action that committed before they read.</li>
 *   <li><b>Verification streams.</b> {@link io.amends.audit.control.ChainVerifier} reads the entries once, in the
 *   order they are stored, remembering only the last good entry's sequence number and hash: constant memory, however
 *   long the trail. It can start from a {@link io.amends.audit.control.Checkpoint} (a sequence number and hash known
 *   to be good) and returns the checkpoint it reached, so a long trail can be verified in pieces, each continuing
 *   where the previous stopped. It stops at the first problem: after a break nothing downstream can be trusted, and
 *   one precise finding is more useful than a cascade.</li>
 * </ul>
 *
 * <p><b>Telling the kinds of tampering apart.</b> Each entry has two independent kinds of evidence: its own hash
 * (does the content, sequence number and previous-hash field still hash to the stored hash?) and its position (does
 * its sequence number follow the previous entry's, and does its previous hash equal the previous entry's hash?).
 * An entry is judged in this order:
 * <ol>
 *   <li><b>{@code CHANGED}</b> if its own hash does not match. This is checked first, because then none of the
 *   entry's fields can be believed, its sequence number included; a single altered field, whichever it is, is
 *   reported as CHANGED at that entry. The sequence reported is the expected one when the entry still links to its
 *   predecessor (so an altered sequence number is reported where the entry really stands), otherwise the stored one.
 *   </li>
 *   <li>Its sequence number is the expected one but its previous hash is not the predecessor's hash:
 *   <b>{@code INSERTED}</b>. A self-consistent entry that does not link was computed by someone other than the
 *   appender: a forged entry, or (when the predecessor was rewritten and re-hashed) the original entry that the
 *   forgery displaced. The chain alone cannot say which of the two is the impostor; the report names the entry where
 *   the link breaks, and the entry before it deserves the same suspicion.</li>
 *   <li>Its sequence number is not larger than the last good one: <b>{@code INSERTED}</b>. Everything up to the last
 *   good entry has been seen (or lies before the checkpoint), so the number is taken twice. Going backwards without a
 *   preceding jump is always a repeat.</li>
 *   <li>Its sequence number jumps ahead. Whether the skipped entries are gone, elsewhere, or this entry does not
 *   belong can only be decided by what follows, so the rest of the stream is read (still in constant memory) for
 *   three facts: does the expected number turn up later, does this entry's number turn up again, and does the entry
 *   its previous hash points at turn up later?
 *   <ul>
 *     <li>its number turns up again: <b>{@code INSERTED}</b>, this one is a copy or a forgery;</li>
 *     <li>the expected number turns up later, and so does this entry's predecessor: <b>{@code REORDERED}</b>. Every
 *     original entry points at the entry numbered one less, which, because it was skipped, can only come later;
 *     swapping two entries or moving one produces exactly this;</li>
 *     <li>the expected number turns up later but this entry's predecessor does not: <b>{@code INSERTED}</b>, an
 *     entry slipped in with an unused number (an intruder typically points at the last good entry to look linked);
 *     </li>
 *     <li>the expected number never turns up: <b>{@code REMOVED}</b>, reported at the first missing number.</li>
 *   </ul>
 *   </li>
 * </ol>
 * So "sequence goes backwards" is reported as REORDERED when it is the second half of a jump (the skipped entry comes
 * late), and as INSERTED when nothing was skipped (the number is simply used twice).
 *
 * <p><b>Limits.</b>
 * <ul>
 *   <li>The hash is not keyed. Whoever can write the table can recompute every hash from the point of a change to the
 *   end, and the result verifies. The chain makes tampering detectable only relative to a hash recorded somewhere the
 *   tamperer cannot reach, so checkpoints (for instance the head's hash each night) should be kept outside the
 *   database: in a log shipped elsewhere, a mail, a ticket.</li>
 *   <li>Cutting entries off the end leaves a consistent, shorter chain. It is caught only by comparing against the
 *   expected head ({@link io.amends.audit.control.ChainVerifier#expectingHead}); {@code audit_head} in the same
 *   database catches accidents and careless edits, an external copy catches the rest.</li>
 *   <li>Read from the database ordered by the primary key {@code seq}, the stream can show neither repeated numbers
 *   nor reordering: there an insertion shows as a broken link (INSERTED) or a changed entry, a deletion as a gap
 *   (REMOVED). Repeats and reordering matter for exports, copies and anything read in storage order.</li>
 *   <li>Sequence numbers must really be gapless: taken from {@code audit_head} by the sealer, never from a database
 *   sequence (which skips numbers on rollback and would look like removals).</li>
 *   <li>An entry is chained a moment after its action commits. Until then it sits in {@code audit_pending}, written
 *   by the action's transaction but not yet covered by a hash, so a change made to it in that window (normally
 *   milliseconds; longer only while the sealer cannot reach the database) is not detected.</li>
 * </ul>
 */
package io.amends.audit;
