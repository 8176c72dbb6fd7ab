package io.amends.audit.control;

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
