package io.amends.audit.control;

import static io.amends.audit.control.AuditFixtures.GOLDEN;
import static io.amends.audit.control.AuditFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(HashChain.GENESIS).hasSize(64).matches("0+");
        assertThat(HashChain.isHash(HashChain.GENESIS)).isTrue();
    }

    @Test
    void theHashIsSha256OfThePreviousHashFollowedByTheCanonicalFormInUtf8() throws Exception {
        AuditRecord r = record(1, "Grüße 🧾");
        byte[] input = (HashChain.GENESIS + r.canonicalForm()).getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));

        assertThat(HashChain.hash(HashChain.GENESIS, r)).isEqualTo(expected);
    }

    @Test
    void hashesArePinnedBecauseStoredChainsMustKeepVerifying() {
        // Computed outside Java: sha256(previous + canonical form as pinned in AuditRecordTest), UTF-8.
        assertThat(HashChain.hash(HashChain.GENESIS, GOLDEN))
                .isEqualTo("9086a81ff03dfe0f8fb7c1c40d0dd2eedaa612cf8de10120acb54ab54804676c");
        assertThat(HashChain.hash("1f".repeat(32), GOLDEN))
                .isEqualTo("3a2ad92b425e406d9318761e8df8b9b0ebb4f2dc975551f55806316e83301d23");
    }

    @Test
    void hashesAreSixtyFourLowerCaseHexDigits() {
        String hash = HashChain.hash(HashChain.GENESIS, record(1, "d"));

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(HashChain.isHash(hash)).isTrue();
    }

    @Test
    void thePreviousHashIsPartOfTheHash() {
        AuditRecord r = record(2, "d");
        String one = HashChain.hash(HashChain.GENESIS, r);
        String other = HashChain.hash("1".repeat(64), r);

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void somethingThatIsNotAHashIsRefusedAsPreviousHash() {
        AuditRecord r = record(1, "d");

        assertThatThrownBy(() -> HashChain.hash("A".repeat(64), r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.hash("0".repeat(63), r)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashChain.hash(null, r)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HashChain.isHash("g".repeat(64))).isFalse();
    }

    @Test
    void concurrentHashingGivesTheSameResultsAsSequentialHashing() throws Exception {
        List<AuditRecord> records = IntStream.rangeClosed(1, 2_000).mapToObj(i -> record(i, "entry " + i)).toList();
        List<String> sequential = records.stream().map(r -> HashChain.hash(HashChain.GENESIS, r)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> jobs = IntStream.range(0, 8).<Callable<List<String>>>mapToObj(
                    j -> () -> records.stream().map(r -> HashChain.hash(HashChain.GENESIS, r)).toList()).toList();
            for (Future<List<String>> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
