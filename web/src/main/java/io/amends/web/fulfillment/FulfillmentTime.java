package io.amends.web.fulfillment;

import io.amends.fulfillment.FulfillmentClock;
import io.amends.platform.control.AmendsClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Instant;

/**
 * Gives fulfillment the application's clock, which fulfillment may not know by name: when a test moves
 * {@link AmendsClock} forward, retry schedules, the simulated vendor and code expiry move with it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class FulfillmentTime extends FulfillmentClock {

    @Inject
    AmendsClock clock;

    @Override
    public Instant now() {
        return clock.now();
    }
}
