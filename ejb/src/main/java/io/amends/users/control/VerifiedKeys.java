package io.amends.users.control;

import io.amends.platform.control.Remembered;
import io.amends.users.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * API keys this node verified a moment ago, so that a storefront sending thousands of requests a second is not a
 * database query each (docs/performance.md, fix 7).
 *
 * <p>Keyed by the SHA-256 of the presented key, which only a holder of the key can produce. An entry lives
 * {@link #TTL}; revoking a key drops it here at once (on the node that revoked it) and after the commit once more, so
 * a request that raced the revocation cannot put it back. On other nodes of a cluster a revoked key keeps working
 * for at most {@link #TTL}: that is the price, and it is stated in docs/configuration.md.
 */
@ApplicationScoped
public class VerifiedKeys {

    public static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Caller caller, String prefix) {
    }

    private final Remembered<String, Verified> byHash = new Remembered<>(MAX_ENTRIES, System::currentTimeMillis);

    public Optional<Caller> get(String keyHash) {
        return byHash.get(keyHash).map(Verified::caller);
    }

    public void put(String keyHash, String prefix, Caller caller) {
        byHash.put(keyHash, new Verified(caller, prefix), byHash.now() + TTL.toMillis());
    }

    public void forget(String prefix) {
        byHash.forgetIf(v -> v.prefix().equals(prefix));
    }
}
