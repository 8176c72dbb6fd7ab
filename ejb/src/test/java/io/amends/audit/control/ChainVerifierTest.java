package io.amends.audit.control;

import static io.amends.audit.control.AuditFixtures.COMPONENTS;
import static io.amends.audit.control.AuditFixtures.altered;
import static io.amends.audit.control.AuditFixtures.chain;
import static io.amends.audit.control.AuditFixtures.record;
import static io.amends.audit.control.AuditFixtures.withComponent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.amends.audit.control.Verification.Kind;
import io.amends.audit.control.Verification.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ChainVerifierTest {

    /** Record components, then the stored previous hash, then the stored hash. */
    private static final int FIELDS = COMPONENTS.length + 2;

    // --- intact chains ---------------------------------------------------------------------------------------------

    @Test
    void anEmptyChainIsOk() {
        Verification v = ChainVerifier.fromGenesis().verify(Stream.empty());

        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isZero();
        assertThat(v.reached()).isEqualTo(Checkpoint.GENESIS);
    }

    @Test
    void aGeneratedChainVerifies() {
        qt().withExamples(300).forAll(chains()).checkAssert(chain -> {
            Verification v = verify(chain);

            assertThat(v.firstProblem()).isEmpty();
            assertThat(v.ok()).isTrue();
            assertThat(v.checked()).isEqualTo(chain.size());
            assertThat(v.reached()).isEqualTo(chain.isEmpty() ? Checkpoint.GENESIS : Checkpoint.after(last(chain)));
        });
    }

    @Test
    void unicodeDetailsSurviveHashingAndVerification() {
        List<StoredEntry> chain = chain(List.of(
                record(1, "Entschuldigung für die Verspätung — Grüße"),
                record(1, "申し訳ございません。🙇 お詫びのしるしに"),
                record(1, "نعتذر عن الإزعاج"),
                record(1, "e\u0301 vs \u00e9, zero\u200Bwidth, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, \r\n\t~:0:"),
                record(1, "")));

        assertThat(verify(chain).ok()).isTrue();
        assertThat(chain.get(1).record().details()).isEqualTo("申し訳ございません。🙇 お詫びのしるしに");
    }

    @Test
    void aHundredThousandEntriesHashAndVerifyWithoutBeingHeldInMemory() {
        Verification v = ChainVerifier.fromGenesis().verify(AuditFixtures.lazyChain(100_000));

        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(100_000);
        assertThat(v.reached().sequence()).isEqualTo(100_000);
    }

    // --- changed ---------------------------------------------------------------------------------------------------

    @Test
    void changingAnySingleFieldOfAnyEntryIsReportedAsChangedAtThatEntry() {
        qt().withExamples(1000).forAll(nonEmptyChains(), picks(), picks(), integers().between(0, 2))
                .checkAssert((chain, entryPick, fieldPick, variant) -> {
                    int index = entryPick % chain.size();
                    int field = fieldPick % FIELDS;
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    tampered.set(index, alter(chain.get(index), field, variant));

                    Verification v = verify(tampered);

                    assertProblem(v, Kind.CHANGED, index + 1L);
                    assertThat(v.checked()).isEqualTo(index);
                    assertThat(v.reached())
                            .isEqualTo(index == 0 ? Checkpoint.GENESIS : Checkpoint.after(chain.get(index - 1)));
                });
    }

    @Test
    void rewritingAnEntryWithARecomputedHashBreaksTheLinkToTheNextOne() {
        List<StoredEntry> chain = chain(contents(5));
        StoredEntry original = chain.get(2);
        AuditRecord rewritten = withComponent(original.record(), 13, "nothing to see here");
        chain.set(2, StoredEntry.seal(original.previousHash(), rewritten));

        assertProblem(verify(chain), Kind.INSERTED, 4);
    }

    @Test
    void rewritingTheLastEntryWithARecomputedHashIsCaughtAgainstTheExpectedHead() {
        List<StoredEntry> chain = chain(contents(5));
        Checkpoint head = Checkpoint.after(last(chain));
        StoredEntry original = last(chain);
        chain.set(4, StoredEntry.seal(original.previousHash(), withComponent(original.record(), 13, "rewritten")));

        assertThat(verify(chain).ok()).isTrue();
        assertProblem(ChainVerifier.fromGenesis().expectingHead(head).verify(chain.stream()), Kind.CHANGED, 5);
    }

    // --- removed ---------------------------------------------------------------------------------------------------

    @Test
    void removingAnEntryIsReportedAsRemovedAtItsSequenceNumber() {
        qt().withExamples(500).forAll(chainsOfTwoOrMore(), picks()).checkAssert((chain, pick) -> {
            int index = pick % (chain.size() - 1); // the last one can only be missed against the head, see below
            List<StoredEntry> tampered = new ArrayList<>(chain);
            tampered.remove(index);

            Verification v = verify(tampered);

            assertProblem(v, Kind.REMOVED, index + 1L);
            assertThat(v.checked()).isEqualTo(index);
        });
    }

    @Test
    void removingSeveralEntriesReportsTheFirstMissingOne() {
        List<StoredEntry> chain = chain(contents(10));
        chain.subList(3, 7).clear();

        Verification v = verify(chain);

        assertProblem(v, Kind.REMOVED, 4);
        assertThat(v.firstProblem().orElseThrow().message()).contains("4 to 7");
    }

    @Test
    void removingTheLastEntriesIsCaughtOnlyAgainstTheExpectedHead() {
        List<StoredEntry> chain = chain(contents(10));
        Checkpoint head = Checkpoint.after(last(chain));
        List<StoredEntry> truncated = chain.subList(0, 8);

        assertThat(verify(truncated).ok()).isTrue();
        Verification v = ChainVerifier.fromGenesis().expectingHead(head).verify(truncated.stream());
        assertProblem(v, Kind.REMOVED, 9);
        assertThat(v.checked()).isEqualTo(8);
    }

    @Test
    void aChainThatEndsAtTheExpectedHeadIsOk() {
        List<StoredEntry> chain = chain(contents(10));

        assertThat(ChainVerifier.fromGenesis().expectingHead(Checkpoint.after(last(chain)))
                .verify(chain.stream()).ok()).isTrue();
    }

    // --- reordered -------------------------------------------------------------------------------------------------

    @Test
    void swappingTwoEntriesIsReportedAsReordered() {
        qt().withExamples(500).forAll(chainsOfTwoOrMore(), picks(), picks())
                .checkAssert((chain, firstPick, secondPick) -> {
                    int i = firstPick % chain.size();
                    int j = (i + 1 + secondPick % (chain.size() - 1)) % chain.size(); // any position but i
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    Collections.swap(tampered, i, j);

                    Verification v = verify(tampered);

                    assertProblem(v, Kind.REORDERED, Math.min(i, j) + 1L);
                    assertThat(v.checked()).isEqualTo(Math.min(i, j));
                });
    }

    @Test
    void movingAnEntryLaterIsReportedAsReordered() {
        qt().withExamples(300).forAll(chainsOfTwoOrMore(), picks(), picks())
                .checkAssert((chain, fromPick, toPick) -> {
                    int from = fromPick % (chain.size() - 1);
                    int to = from + 1 + toPick % (chain.size() - from - 1);
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    tampered.add(to, tampered.remove(from));

                    assertProblem(verify(tampered), Kind.REORDERED, from + 1L);
                });
    }

    // --- inserted --------------------------------------------------------------------------------------------------

    @Test
    void insertingAForgedEntryThatLinksToItsPredecessorIsReportedAsInserted() {
        qt().withExamples(500).forAll(chainsOfTwoOrMore(), picks(), AuditFixtures.records())
                .checkAssert((chain, pick, forgedContent) -> {
                    int index = pick % chain.size(); // inserted before chain[index]; after the last: a plain append
                    Checkpoint predecessor = index == 0 ? Checkpoint.GENESIS : Checkpoint.after(chain.get(index - 1));
                    StoredEntry forged = StoredEntry.seal(predecessor,
                            AuditFixtures.withSequence(forgedContent, predecessor.sequence() + 1));
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    tampered.add(index, forged);

                    Verification v = verify(tampered);

                    assertProblem(v, Kind.INSERTED, index + 1L); // the original entry index + 1 repeats the number
                    assertThat(v.checked()).isEqualTo(index + 1);
                });
    }

    @Test
    void insertingAForgedEntryWithAnUnusedNumberIsReportedAsInserted() {
        Gen<Forgery> forgeries = picks().zip(integers().between(1, 1_000_000), booleans().all(), Forgery::new);
        qt().withExamples(500).forAll(nonEmptyChains(), forgeries, AuditFixtures.records())
                .checkAssert((chain, forgery, forgedContent) -> {
                    int index = forgery.pick() % chain.size();
                    long unused = chain.size() + (long) forgery.beyond();
                    String previousHash = forgery.linkedToPredecessor() && index > 0
                            ? chain.get(index - 1).hash() : "ab".repeat(32);
                    StoredEntry forged = StoredEntry.seal(previousHash,
                            AuditFixtures.withSequence(forgedContent, unused));
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    tampered.add(index, forged);

                    assertProblem(verify(tampered), Kind.INSERTED, unused);
                });
    }

    @Test
    void insertingAForgedEntryWithoutRecomputingItsHashIsReportedAsChanged() {
        qt().withExamples(300).forAll(nonEmptyChains(), picks(), AuditFixtures.records())
                .checkAssert((chain, pick, forgedContent) -> {
                    int index = pick % (chain.size() + 1);
                    StoredEntry template = chain.get(Math.min(index, chain.size() - 1));
                    StoredEntry forged = new StoredEntry(AuditFixtures.withSequence(forgedContent, index + 1L),
                            index == 0 ? HashChain.GENESIS : chain.get(index - 1).hash(), template.hash());
                    if (forged.isSealed()) {
                        return; // the forged content happens to be the template's: nothing was forged
                    }
                    List<StoredEntry> tampered = new ArrayList<>(chain);
                    tampered.add(index, forged);

                    assertProblem(verify(tampered), Kind.CHANGED, index + 1L);
                });
    }

    @Test
    void anEntryThatDoesNotLinkToItsPredecessorIsReportedAsInserted() {
        List<StoredEntry> chain = chain(contents(5));
        chain.set(2, StoredEntry.seal("ab".repeat(32), chain.get(2).record()));

        assertProblem(verify(chain), Kind.INSERTED, 3);
    }

    @Test
    void aDuplicatedEntryIsReportedAsInserted() {
        List<StoredEntry> chain = chain(contents(5));
        chain.add(3, chain.get(2));

        Verification v = verify(chain);

        assertProblem(v, Kind.INSERTED, 3);
        assertThat(v.checked()).isEqualTo(3);
    }

    @Test
    void anEntryCopiedAheadOfItsPlaceIsReportedAsInserted() {
        List<StoredEntry> chain = chain(contents(6));
        chain.add(1, chain.get(4));

        assertProblem(verify(chain), Kind.INSERTED, 5);
    }

    // --- checkpoints -----------------------------------------------------------------------------------------------

    @Test
    void verifyingInPiecesFromCheckpointsReachesTheSameHeadAsVerifyingAtOnce() {
        qt().withExamples(200).forAll(nonEmptyChains(), lists().of(picks()).ofSizeBetween(0, 4))
                .checkAssert((chain, cutPicks) -> {
                    List<Integer> cuts = new ArrayList<>(
                            cutPicks.stream().map(c -> c % (chain.size() + 1)).sorted().toList());
                    cuts.add(chain.size());

                    Checkpoint reached = Checkpoint.GENESIS;
                    int from = 0;
                    long checked = 0;
                    for (int cut : cuts) {
                        Verification piece = ChainVerifier.from(reached).verify(chain.subList(from, cut).stream());
                        assertThat(piece.ok()).isTrue();
                        checked += piece.checked();
                        reached = piece.reached();
                        from = cut;
                    }

                    assertThat(checked).isEqualTo(chain.size());
                    assertThat(reached).isEqualTo(verify(chain).reached());
                });
    }

    @Test
    void aPieceThatDoesNotContinueItsCheckpointIsReportedAsInserted() {
        List<StoredEntry> chain = chain(contents(6));
        Checkpoint wrong = new Checkpoint(3, "cd".repeat(32));

        assertProblem(ChainVerifier.from(wrong).verify(chain.subList(3, 6).stream()), Kind.INSERTED, 4);
    }

    @Test
    void aPieceThatStartsAfterAGapIsReportedAsRemoved() {
        List<StoredEntry> chain = chain(contents(6));
        Checkpoint afterTwo = Checkpoint.after(chain.get(1));

        assertProblem(ChainVerifier.from(afterTwo).verify(chain.subList(3, 6).stream()), Kind.REMOVED, 3);
    }

    // --- in pieces -------------------------------------------------------------------------------------------------

    @Test
    void anIntactTrailVerifiedInPiecesIsOkWithEveryEntryCounted() {
        List<StoredEntry> chain = chain(contents(10));
        Checkpoint head = Checkpoint.after(last(chain));

        Verification v = inPieces(chain, head, 3, 7);

        assertThat(v).isEqualTo(ChainVerifier.fromGenesis().expectingHead(head).verify(chain.stream()));
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(10);
    }

    @Test
    void inPiecesAnyChangedFieldOrMissingEntryIsReportedAsOnePassReportsIt() {
        qt().withExamples(1000).forAll(chainsOfTwoOrMore(), picks(), picks(), picks())
                .checkAssert((chain, cutPick, entryPick, changePick) -> {
                    int variant = changePick / FIELDS % 4;
                    int fieldPick = changePick % FIELDS;
                    Checkpoint head = Checkpoint.after(last(chain));
                    long cut = 1 + cutPick % (chain.size() - 1); // the first piece ends at entry cut, the second at the head
                    int index = entryPick % chain.size();
                    List<StoredEntry> stored = new ArrayList<>(chain);
                    if (variant == 3 && index + 1 != cut) {
                        stored.remove(index); // a row deleted (not the one the pieces are cut at: see AuditTrail)
                    } else {
                        // any field but the sequence number, which the table's key keeps unique and in order
                        stored.set(index, alter(chain.get(index), 1 + fieldPick % (FIELDS - 1), variant));
                    }

                    assertThat(inPieces(stored, head, cut))
                            .isEqualTo(ChainVerifier.fromGenesis().expectingHead(head).verify(stored.stream()));
                });
    }

    @Test
    void theFirstProblemInOrderWinsWhenSeveralPiecesHaveOne() {
        List<StoredEntry> chain = chain(contents(12));
        Checkpoint head = Checkpoint.after(last(chain));
        List<StoredEntry> stored = new ArrayList<>(chain);
        stored.set(9, alter(chain.get(9), 13, 0));
        stored.set(4, alter(chain.get(4), 13, 0));

        Verification v = inPieces(stored, head, 3, 6, 9);

        assertProblem(v, Kind.CHANGED, 5);
        assertThat(v.checked()).isEqualTo(4);
        assertThat(v.reached()).isEqualTo(Checkpoint.after(chain.get(3)));
    }

    /**
     * As the server verifies a long trail: pieces cut after the given sequence numbers, each verified on its own from
     * the stored entry it starts after, each expected to end at the stored entry the next one starts after (the last
     * at the head), then put together.
     */
    private static Verification inPieces(List<StoredEntry> stored, Checkpoint head, long... cuts) {
        List<Verification> pieces = new ArrayList<>();
        Checkpoint from = Checkpoint.GENESIS;
        for (int k = 0; k <= cuts.length; k++) {
            long after = from.sequence();
            long upTo = k < cuts.length ? cuts[k] : head.sequence();
            Checkpoint to = k < cuts.length ? stored.stream().filter(e -> e.record().sequence() == upTo).map(Checkpoint::after)
                    .findFirst().orElseThrow() : head;
            pieces.add(ChainVerifier.from(from).expectingHead(to)
                    .verify(stored.stream().filter(e -> e.record().sequence() > after && e.record().sequence() <= upTo)));
            from = to;
        }
        return Verification.inOrder(pieces);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Gen<List<StoredEntry>> chains() {
        return AuditFixtures.chains(0, 25);
    }

    private static Gen<List<StoredEntry>> nonEmptyChains() {
        return AuditFixtures.chains(1, 25);
    }

    private static Gen<List<StoredEntry>> chainsOfTwoOrMore() {
        return AuditFixtures.chains(2, 25);
    }

    /** A number to pick a position with, modulo the chain's size. */
    private static Gen<Integer> picks() {
        return integers().between(0, 10_000);
    }

    /** Where a forged entry goes, how far past the end its sequence number is, and whether it links back. */
    private record Forgery(int pick, int beyond, boolean linkedToPredecessor) {
    }

    private static List<AuditRecord> contents(int size) {
        List<AuditRecord> contents = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            contents.add(record(i, "entry " + i));
        }
        return contents;
    }

    private static Verification verify(List<StoredEntry> entries) {
        return ChainVerifier.fromGenesis().verify(entries.stream());
    }

    private static StoredEntry last(List<StoredEntry> chain) {
        return chain.get(chain.size() - 1);
    }

    /** One field altered, the stored hash left alone. Fields past the record's are the two stored hashes. */
    private static StoredEntry alter(StoredEntry entry, int field, int variant) {
        if (field < COMPONENTS.length) {
            AuditRecord changed = withComponent(entry.record(), field, altered(entry.record(), field, variant));
            return new StoredEntry(changed, entry.previousHash(), entry.hash());
        }
        if (field == COMPONENTS.length) {
            return new StoredEntry(entry.record(), flipLastDigit(entry.previousHash()), entry.hash());
        }
        return new StoredEntry(entry.record(), entry.previousHash(), flipLastDigit(entry.hash()));
    }

    private static String flipLastDigit(String hash) {
        char last = hash.charAt(63);
        return hash.substring(0, 63) + (last == '0' ? '1' : '0');
    }

    private static void assertProblem(Verification v, Kind kind, long sequence) {
        assertThat(v.ok()).as("ok").isFalse();
        Problem problem = v.firstProblem().orElseThrow();
        assertThat(problem.kind()).as("kind; %s", problem.message()).isEqualTo(kind);
        assertThat(problem.sequence()).as("sequence; %s", problem.message()).isEqualTo(sequence);
        assertThat(problem.message()).isNotBlank();
    }
}
