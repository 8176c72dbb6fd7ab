package io.amends.web.security;

import io.amends.platform.control.Remembered;
import io.amends.users.entity.Caller;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this node verified a moment ago, with the caller each speaks for, so that a client sending the same
 * token with every request does not have it parsed and its signature checked each time (docs/performance.md, third
 * round: Payara's parser looks up the JSON provider through the class loader on every call, about a third of a
 * cheap request's time).
 *
 * <p>Keyed by the whole token, which only its holder has. An entry is used until the token expires or for
 * {@link #AT_MOST}, whichever comes first, so a token is never accepted after its {@code exp}, and a new signing key
 * takes over within a minute. Only tokens that verified are remembered; the map is cleared when it holds
 * {@value #MAX_ENTRIES} of them.
 */
final class VerifiedTokens {

    static final Duration AT_MOST = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;

    private final Remembered<String, Caller> byToken;

    VerifiedTokens(LongSupplier millis) {
        this.byToken = new Remembered<>(MAX_ENTRIES, millis);
    }

    Optional<Caller> get(String token) {
        return byToken.get(token);
    }

    /** Remembers a token that verified; {@code expiresAtSeconds} is its {@code exp} claim. */
    void put(String token, Caller caller, long expiresAtSeconds) {
        byToken.put(token, caller, Math.min(Math.multiplyExact(expiresAtSeconds, 1000L), byToken.now() + AT_MOST.toMillis()));
    }

    int size() {
        return byToken.size();
    }
}
