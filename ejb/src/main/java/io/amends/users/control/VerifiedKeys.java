package io.amends.users.control;

import io.amends.users.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Verified(Caller caller, String prefix, long expiresAtNanos) {
    }

    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();

    public Optional<Caller> get(String keyHash) {
        Verified verified = byHash.get(keyHash);
        if (verified == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - verified.expiresAtNanos() > 0) {
            byHash.remove(keyHash, verified);
            return Optional.empty();
        }
        return Optional.of(verified.caller());
    }

    public void put(String keyHash, String prefix, Caller caller) {
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(keyHash, new Verified(caller, prefix, System.nanoTime() + TTL.toNanos()));
    }

    public void forget(String prefix) {
        byHash.values().removeIf(v -> v.prefix().equals(prefix));
    }
}
