package io.amends.platform.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Values this node worked out a moment ago (a verified credential and whom it speaks for), each usable until its own
 * deadline. An entry asked for at or after its deadline is dropped and not returned; the map is cleared when it
 * holds its maximum, so memory stays bounded whatever callers send.
 */
public final class Remembered<K, V> {

    private record Entry<V>(V value, long untilMillis) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier millis;

    public Remembered(int maxEntries, LongSupplier millis) {
        this.maxEntries = maxEntries;
        this.millis = millis;
    }

    public Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (millis.getAsLong() >= entry.untilMillis()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    public void put(K key, V value, long untilMillis) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, untilMillis));
    }

    public void forgetIf(Predicate<V> which) {
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    /** Now, on the clock the deadlines are on (epoch milliseconds). */
    public long now() {
        return millis.getAsLong();
    }

    public int size() {
        return entries.size();
    }
}
