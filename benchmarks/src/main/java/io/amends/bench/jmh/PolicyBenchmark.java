package io.amends.bench.jmh;

import io.amends.cases.entity.Severity;
import io.amends.compensation.control.Policy;
import io.amends.compensation.control.PolicyDecision;
import io.amends.compensation.control.PolicyRequest;
import io.amends.compensation.control.PolicySettings;
import io.amends.compensation.entity.Money;
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
 * The compensation policy's decision, as the proposal endpoint calls it: one request under the default settings.
 * {@code explain} adds the human explanation and the audit string, which the endpoint also builds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyBenchmark {

    /** auto: within every limit; finance: needs one approver; refused: above the per-case cap. */
    @Param({"auto", "finance", "refused"})
    String shape;

    PolicySettings settings;
    PolicyRequest request;

    @Setup
    public void setUp() {
        settings = PolicySettings.defaults();
        request = switch (shape) {
            case "auto" -> new PolicyRequest(Money.parse("EUR", "30.00"), Money.parse("EUR", "48000.00"),
                    Money.parse("EUR", "0.00"), Money.parse("EUR", "120.00"), Severity.MEDIUM, 0);
            case "finance" -> new PolicyRequest(Money.parse("EUR", "180.00"), Money.parse("EUR", "250000.00"),
                    Money.parse("EUR", "25.00"), Money.parse("EUR", "900.00"), Severity.HIGH, 1);
            default -> new PolicyRequest(Money.parse("EUR", "900.00"), Money.parse("EUR", "12000.00"),
                    Money.parse("EUR", "40.00"), Money.parse("EUR", "300.00"), Severity.CRITICAL, 3);
        };
    }

    @Benchmark
    public PolicyDecision decide() {
        return Policy.decide(settings, request);
    }

    @Benchmark
    public int decideAndExplain() {
        PolicyDecision decision = Policy.decide(settings, request);
        return decision.explanation().length() + decision.toAuditString().length();
    }
}
