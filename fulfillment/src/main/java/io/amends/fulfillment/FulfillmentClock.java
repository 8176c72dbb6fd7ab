package io.amends.fulfillment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" for fulfillment: retry schedules, leases, the simulated vendor's progress, code expiry. UTC, microseconds.
 *
 * <p>Fulfillment may not use the case domain's clock, so the application that embeds it replaces this bean with a
 * CDI alternative that delegates to its own (the web module does, so that a test that moves the application's clock
 * forward moves this one too).
 */
@ApplicationScoped
public class FulfillmentClock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
