package io.amends.audit.control;

import io.amends.audit.control.Verification.Kind;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks that a run of stored audit entries is the unbroken continuation of a trusted checkpoint, and names the first
 * break: {@link Kind#CHANGED}, {@link Kind#REMOVED}, {@link Kind#INSERTED} or {@link Kind#REORDERED}.
 *
 * <p>Entries are read once, in the order given (the order they are stored or exported in, which should be sequence
 * order), holding only the previous entry's sequence and hash, so a trail of any length is verified in constant
 * memory. How each kind is told apart is explained in {@link io.amends.audit}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChainVerifier {

    private final Checkpoint start;
    private final Optional<Checkpoint> expectedHead;

    private ChainVerifier(Checkpoint start, Optional<Checkpoint> expectedHead) {
        this.start = Objects.requireNonNull(start, "start");
        this.expectedHead = expectedHead;
    }

    /** Verifies a whole trail, starting with entry 1. */
    public static ChainVerifier fromGenesis() {
        return from(Checkpoint.GENESIS);
    }

    /** Verifies the entries after {@code checkpoint}, which is trusted without looking at what precedes it. */
    public static ChainVerifier from(Checkpoint checkpoint) {
        return new ChainVerifier(checkpoint, Optional.empty());
    }

    /**
     * Also requires the entries to end exactly at {@code head}, so that cutting entries off the end (which leaves a
     * perfectly consistent shorter chain) is detected.
     *
     * <p>The head must describe the same state as the entries: read both in one transaction, or read the head first
     * and only the entries up to its sequence number, otherwise a concurrent append looks like an insertion.
     */
    public ChainVerifier expectingHead(Checkpoint head) {
        Objects.requireNonNull(head, "head");
        if (head.sequence() < start.sequence()) {
            throw new IllegalArgumentException("The head " + head.sequence() + " lies before the start "
                    + start.sequence());
        }
        return new ChainVerifier(start, Optional.of(head));
    }

    /** Verifies {@code entries}; the caller still owns the stream and closes it. */
    public Verification verify(Stream<StoredEntry> entries) {
        return verify(entries.iterator());
    }

    /** Verifies {@code entries}, reading each at most once. */
    public Verification verify(Iterator<StoredEntry> entries) {
        Checkpoint last = start;
        long checked = 0;
        while (entries.hasNext()) {
            StoredEntry entry = Objects.requireNonNull(entries.next(), "entry");
            long expected = last.sequence() + 1;
            long sequence = entry.record().sequence();
            boolean linked = last.hash().equals(entry.previousHash());

            // Nothing about an entry whose hash does not match (its sequence number included) can be believed, so
            // this comes first. If it still links to its predecessor it is that predecessor's successor, and the
            // sequence number to report is the expected one even when the stored one was altered.
            if (!entry.isSealed()) {
                long at = linked ? expected : sequence;
                return Verification.failed(checked, last, Kind.CHANGED, at,
                        "Entry " + at + " does not match its hash: its content or stored hashes were altered");
            }
            if (sequence == expected) {
                if (!linked) {
                    return Verification.failed(checked, last, Kind.INSERTED, sequence,
                            "Entry " + sequence + " does not link to entry " + last.sequence()
                                    + ": one of the two is not the original (a forged entry, or one rewritten"
                                    + " with a recomputed hash)");
                }
                last = Checkpoint.after(entry);
                checked++;
                continue;
            }
            if (sequence < expected) {
                // Everything up to last.sequence() has been seen (or lies before the checkpoint), so a smaller
                // number is a second entry with a number already taken.
                return Verification.failed(checked, last, Kind.INSERTED, sequence,
                        "Sequence " + sequence + " appears again after entry " + last.sequence());
            }
            return explainJump(entry, entries, checked, last);
        }
        return checkHead(checked, last);
    }

    /**
     * Sequence numbers jumped forward. Whether the skipped entries are gone, elsewhere, or the entry here is an
     * intruder can only be told by what comes later, so the rest of the stream is read for three facts, in constant
     * memory.
     */
    private static Verification explainJump(StoredEntry entry, Iterator<StoredEntry> rest, long checked,
            Checkpoint last) {
        long expected = last.sequence() + 1;
        long sequence = entry.record().sequence();
        boolean expectedComesLater = false;
        boolean sequenceRepeatsLater = false;
        boolean predecessorComesLater = false;
        while (rest.hasNext()) {
            StoredEntry later = rest.next();
            long laterSequence = later.record().sequence();
            expectedComesLater |= laterSequence == expected;
            sequenceRepeatsLater |= laterSequence == sequence;
            predecessorComesLater |= Objects.equals(later.hash(), entry.previousHash());
        }
        if (sequenceRepeatsLater) {
            return Verification.failed(checked, last, Kind.INSERTED, sequence,
                    "Sequence " + sequence + " appears where " + expected + " was expected, and again later");
        }
        if (expectedComesLater) {
            // An original entry's predecessor is the entry numbered one less, which has not been seen yet; an
            // intruder points at something else (typically at the last good entry, to look linked).
            if (predecessorComesLater) {
                return Verification.failed(checked, last, Kind.REORDERED, expected,
                        "Entry " + expected + " comes later in the stream; entry " + sequence
                                + " stands in its place");
            }
            return Verification.failed(checked, last, Kind.INSERTED, sequence,
                    "Entry " + sequence + " stands where " + expected + " was expected, but " + expected
                            + " comes later and " + sequence + "'s predecessor does not");
        }
        String range = sequence - 1 == expected ? "Entry " + expected + " is" : "Entries " + expected + " to "
                + (sequence - 1) + " are";
        return Verification.failed(checked, last, Kind.REMOVED, expected,
                range + " missing: entry " + last.sequence() + " is followed by entry " + sequence);
    }

    private Verification checkHead(long checked, Checkpoint last) {
        if (expectedHead.isEmpty() || expectedHead.get().equals(last)) {
            return Verification.passed(checked, last);
        }
        Checkpoint head = expectedHead.get();
        if (last.sequence() < head.sequence()) {
            long missing = last.sequence() + 1;
            return Verification.failed(checked, last, Kind.REMOVED, missing,
                    "The trail ends at entry " + last.sequence() + " but its head is entry " + head.sequence());
        }
        if (last.sequence() > head.sequence()) {
            // Entries past the head passed every check: they were appended without moving the head, or the head
            // was moved back.
            return Verification.failed(checked, last, Kind.INSERTED, head.sequence() + 1,
                    "The trail goes on to entry " + last.sequence() + " past its head, entry " + head.sequence());
        }
        return Verification.failed(checked, last, Kind.CHANGED, head.sequence(),
                "Entry " + head.sequence() + " is consistent with the chain but not with the head's hash:"
                        + " it was rewritten with a recomputed hash, or the head was altered");
    }
}
