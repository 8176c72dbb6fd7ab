package io.amends.web.platform;

import io.amends.platform.control.AmendsClock;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/** The server's "now" for the pages, so countdowns count from the same clock the deadlines were set by. */
@Named
@RequestScoped
public class ClockBacking {

    @Inject
    AmendsClock clock;

    private Instant now;

    public Instant getNow() {
        if (now == null) {
            now = clock.now();
        }
        return now;
    }
}
