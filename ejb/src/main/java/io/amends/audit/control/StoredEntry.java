package io.amends.audit.control;

import java.util.Objects;

/**
 * One audit entry as it is stored: its content and the two hashes that chain it to its predecessor.
 *
 * <p>The hashes may be anything when read back from storage (even {@code null}): judging them is the
 * {@link ChainVerifier}'s job, and a verifier that threw on a damaged row would hide the damage.
 *
 * @param record       the content
 * @param previousHash the hash of the entry before, {@link HashChain#GENESIS} for entry 1
 * @param hash         {@link HashChain#hash(String, AuditRecord)} of the two
 */
public record StoredEntry(AuditRecord record, String previousHash, String hash) {

    public StoredEntry {
        Objects.requireNonNull(record, "record");
    }

    /** The entry that appends {@code record} after the entry whose hash is {@code previousHash}. */
    public static StoredEntry seal(String previousHash, AuditRecord record) {
        return new StoredEntry(record, previousHash, HashChain.hash(previousHash, record));
    }

    /** The entry that appends {@code record} right after {@code checkpoint}. */
    public static StoredEntry seal(Checkpoint checkpoint, AuditRecord record) {
        if (record.sequence() != checkpoint.sequence() + 1) {
            throw new IllegalArgumentException("Entry " + record.sequence() + " cannot follow entry "
                    + checkpoint.sequence());
        }
        return seal(checkpoint.hash(), record);
    }

    /** Whether the stored hash is the hash of the stored content and previous hash. */
    public boolean isSealed() {
        return HashChain.isHash(previousHash) && HashChain.hash(previousHash, record).equals(hash);
    }
}
