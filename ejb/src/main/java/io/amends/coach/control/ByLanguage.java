package io.amends.coach.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What one language's file on the class path gives (a rule book, the letter templates), loaded once per language and
 * falling back to English when a language has none.
 *
 * <p>Languages found without a file are remembered too, so that their letters do not search the class path again on
 * every check: in the server that search is a miss through every class loader of the application, once per letter
 * of every case page. The remembered misses are bounded, since a tag may come from a request.
 */
final class ByLanguage<T> {

    /** More than the languages customers write in; tags beyond it are looked up each time, not kept. */
    static final int REMEMBERED_MISSES = 64;

    private final Map<String, T> found = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Function<String, Optional<T>> loader;
    private final String fallbackFile;

    /**
     * @param loader       reads a primary language's file; empty if there is none
     * @param fallbackFile the English file's name, for the error when even it is missing
     */
    ByLanguage(Function<String, Optional<T>> loader, String fallbackFile) {
        this.loader = loader;
        this.fallbackFile = fallbackFile;
    }

    /**
     * For a language tag such as "en", "de-AT" or "fr_CA": its language's file, or English's.
     *
     * @throws IllegalStateException if even the English file is missing
     */
    T get(String languageTag) {
        String language = RuleBook.primaryLanguage(languageTag);
        if (language != null && !missing.contains(language)) {
            // A null result is not cached in found: only the bounded set of misses remembers unknown tags.
            T value = found.computeIfAbsent(language, l -> loader.apply(l).orElse(null));
            if (value != null) {
                return value;
            }
            if (missing.size() < REMEMBERED_MISSES) {
                missing.add(language);
            }
        }
        T fallback = found.computeIfAbsent(Coach.FALLBACK_LANGUAGE, l -> loader.apply(l).orElse(null));
        if (fallback == null) {
            throw new IllegalStateException("No " + RuleBook.RESOURCE_DIR + fallbackFile + " on the class path");
        }
        return fallback;
    }

    /** Whether the language (a primary subtag) is remembered as having no file. */
    boolean remembersNoFileFor(String language) {
        return missing.contains(language);
    }

    int rememberedMisses() {
        return missing.size();
    }
}
