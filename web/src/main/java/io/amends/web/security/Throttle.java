package io.amends.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits for the doors people try to force: sign-in, tokens, intake. Fixed one-minute windows per key (the
 * client address, and for sign-in also the user name), counted per node.
 *
 * <p>Per node on purpose: a cluster multiplies the allowance by its size, which is acceptable for slowing down
 * guessing (per-account lockout in the database is the hard limit), and costs no shared state.
 */
@ApplicationScoped
public class Throttle {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    /** Sign-in attempts per minute for one user name: guessing one account's password. */
    @Inject
    @ConfigProperty(name = "amends.rate.login-per-user-per-minute", defaultValue = "20")
    int loginPerUser;

    /** Sign-in attempts per minute from one address: spraying many accounts (an office behind one NAT needs headroom). */
    @Inject
    @ConfigProperty(name = "amends.rate.login-per-address-per-minute", defaultValue = "300")
    int loginPerAddress;

    @Inject
    @ConfigProperty(name = "amends.rate.intake-per-minute", defaultValue = "600")
    int intakePerMinute;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** A counter for one key in the current window. */
    private static final class Window {
        final long start;
        final AtomicInteger count = new AtomicInteger();

        Window(long start) {
            this.start = start;
        }
    }

    /** Seconds to wait, or 0 when this attempt may go ahead. */
    public long signIn(String clientAddress, String username) {
        long byAddress = take("login:ip:" + clientAddress, loginPerAddress);
        long byUser = username == null ? 0 : take("login:user:" + username.toLowerCase(java.util.Locale.ROOT), loginPerUser);
        return Math.max(byAddress, byUser);
    }

    public long intake(String clientKey) {
        return take("intake:" + clientKey, intakePerMinute);
    }

    long take(String key, int limit) {
        long now = System.currentTimeMillis();
        long windowStart = now - now % WINDOW_MILLIS;
        Window window = windows.compute(key, (k, w) -> w == null || w.start != windowStart ? new Window(windowStart) : w);
        if (window.count.incrementAndGet() <= limit) {
            return 0;
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().start != windowStart);
        }
        return Math.max(1, (windowStart + WINDOW_MILLIS - now + 999) / 1000);
    }
}
