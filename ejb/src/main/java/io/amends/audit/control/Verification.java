package io.amends.audit.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying (part of) the audit chain: how far it holds, and the first place it does not.
 *
 * @param checked      entries that passed every check; when there is a problem, also the number of entries before the
 *                     one where it was found
 * @param reached      the last entry that passed (or the starting checkpoint if none did): where to continue from
 * @param firstProblem the first problem found; verification stops there, because after it nothing can be trusted
 */
public record Verification(long checked, Checkpoint reached, Optional<Problem> firstProblem) {

    public Verification {
        if (checked < 0) {
            throw new IllegalArgumentException("checked is a count: " + checked);
        }
        Objects.requireNonNull(reached, "reached");
        Objects.requireNonNull(firstProblem, "firstProblem");
    }

    static Verification passed(long checked, Checkpoint reached) {
        return new Verification(checked, reached, Optional.empty());
    }

    public static Verification failed(long checked, Checkpoint reached, Kind kind, long sequence, String message) {
        return new Verification(checked, reached, Optional.of(new Problem(kind, sequence, message)));
    }

    /**
     * The verification of a trail checked in consecutive pieces: piece {@code i} verified from the checkpoint that
     * piece {@code i - 1} was {@linkplain ChainVerifier#expectingHead expected to end at}, the first piece from where
     * the whole check starts. Pieces that all pass prove the whole run, because each one proves that its last entry is
     * exactly the checkpoint the next one starts from. Otherwise the first problem in order is the answer, counted
     * from the start of the whole run, as one pass over all the entries would have reported it.
     *
     * @param pieces in order, at least one
     */
    public static Verification inOrder(List<Verification> pieces) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("At least one piece");
        }
        long checked = 0;
        for (Verification piece : pieces) {
            if (!piece.ok()) {
                return new Verification(checked + piece.checked(), piece.reached(), piece.firstProblem());
            }
            checked += piece.checked();
        }
        return passed(checked, pieces.get(pieces.size() - 1).reached());
    }

    /** Whether every entry checked out. */
    public boolean ok() {
        return firstProblem.isEmpty();
    }

    /**
     * What went wrong, where.
     *
     * @param kind     what the evidence says happened
     * @param sequence the sequence number to look at; {@link Kind} says which one it is
     * @param message  for people: what was expected, what was found
     */
    public record Problem(Kind kind, long sequence, String message) {

        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The ways an append-only, gapless, hash-chained trail can be found broken. */
    public enum Kind {
        /** An entry's content (or its stored hashes) no longer matches its hash. Sequence: that entry's. */
        CHANGED,
        /** Sequence numbers are missing and do not turn up later. Sequence: the first missing one. */
        REMOVED,
        /**
         * An entry that does not belong: its sequence number was already used, or it does not link to its
         * predecessor although its own hash is consistent. Sequence: that entry's.
         */
        INSERTED,
        /** A sequence number turns up later than it should. Sequence: the one that is out of place. */
        REORDERED
    }
}
