package io.amends.audit.control;

/**
 * A point on the chain that is trusted without re-reading what precedes it: the sequence number and hash of an entry.
 *
 * <p>Verifying from a checkpoint lets a long trail be checked in pieces, each piece starting where the last one
 * {@linkplain Verification#reached() ended}. A checkpoint is only as trustworthy as the place it was kept: one read
 * from the same database an attacker can write proves nothing about what precedes it.
 *
 * @param sequence the entry's sequence number; 0 stands for "before the first entry"
 * @param hash     the entry's hash; {@link HashChain#GENESIS} at sequence 0
 */
public record Checkpoint(long sequence, String hash) {

    /** Before the first entry: what a whole-trail verification starts from. */
    public static final Checkpoint GENESIS = new Checkpoint(0, HashChain.GENESIS);

    public Checkpoint {
        if (sequence < 0) {
            throw new IllegalArgumentException("Sequence numbers are not negative: " + sequence);
        }
        if (!HashChain.isHash(hash)) {
            throw new IllegalArgumentException("Not a hash (64 lower-case hex digits): " + hash);
        }
        if (sequence == 0 && !HashChain.GENESIS.equals(hash)) {
            throw new IllegalArgumentException("Sequence 0 is the genesis, its hash is " + HashChain.GENESIS);
        }
    }

    /** The checkpoint right after {@code entry}, trusting its stored hash. */
    public static Checkpoint after(StoredEntry entry) {
        return new Checkpoint(entry.record().sequence(), entry.hash());
    }
}
