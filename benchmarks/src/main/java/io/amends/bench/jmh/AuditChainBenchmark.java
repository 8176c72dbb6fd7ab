package io.amends.bench.jmh;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.ChainVerifier;
import io.amends.audit.control.HashChain;
import io.amends.audit.control.StoredEntry;
import io.amends.audit.control.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit hash chain: hashing one entry (what every action pays when it appends), sealing one (the record's
 * constructor and the hash), and verifying a chain of N entries in memory (what the verifier does per entry, without
 * the database). Entries look like the generator's: a case event with account figures and a sentence of details.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditChainBenchmark {

    @Param({"100000"})
    int entries;

    List<StoredEntry> chain;
    AuditRecord one;
    String previous;

    @Setup
    public void setUp() {
        chain = new ArrayList<>(entries);
        String prev = HashChain.GENESIS;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= entries; i++) {
            StoredEntry e = StoredEntry.seal(prev, record(i, at.plusMillis(i * 1234L)));
            chain.add(e);
            prev = e.hash();
        }
        one = record(entries + 1, at);
        previous = prev;
    }

    static AuditRecord record(long seq, Instant at) {
        return new AuditRecord(seq, at, "alice", "ACCOUNT_MANAGER", "CASE_CONTACT_LOGGED",
                "AMD-2026-" + String.format("%06d", seq % 1_000_000), 1000L + seq % 100_000, null, null,
                4_800_000L, 12_000L, 25L, null,
                "call with the customer: Hans Becker explained that the invoice was charged twice and asked for a refund");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String hashOne() {
        return HashChain.hash(previous, one);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public StoredEntry sealOne() {
        return StoredEntry.seal(previous, record(entries + 1, Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** Whole-chain verification of {@code entries} entries; divide by N for the cost per entry. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Verification verifyChain() {
        return ChainVerifier.fromGenesis().verify(chain.iterator());
    }
}
