package io.amends.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * The one source of "now" in Amends, in UTC and at microsecond precision (what the databases keep).
 *
 * <p>Deadlines, SLA clocks and retry schedules compare against this clock. When {@code amends.clock.controllable}
 * is true (integration tests only; refused in production mode) the clock can be moved forward, so a test can let a
 * deadline pass without sleeping.
 */
@ApplicationScoped
public class AmendsClock {

    @Inject
    @ConfigProperty(name = "amends.clock.controllable", defaultValue = "false")
    boolean controllable;

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock system = Clock.systemUTC();

    public Instant now() {
        return system.instant().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }

    public Clock asClock() {
        return Clock.fixed(now(), ZoneOffset.UTC);
    }

    public boolean isControllable() {
        return controllable;
    }

    /** Moves time forward for tests; refused unless the clock was configured as controllable. */
    public Instant advance(Duration by) {
        if (!controllable) {
            throw new IllegalStateException("The clock is not controllable in this deployment");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return now();
    }
}
