package io.amends.coach.control;

import java.util.Map;

/**
 * Looks up a word of a letter, ignoring case, without creating a string for it.
 *
 * <p>Every word of every checked letter goes through here, and allocating a lower-cased copy of each was more than
 * half of the time of a check. Keys are lower-cased char by char ({@link LetterText#lowerCase(String)}), and so is
 * the looked-up word, so both sides agree even for letters whose whole-string lower case differs (final sigma). The
 * caller computes the word's hash while it scans the word anyway.
 */
final class WordTable<T> {

    private final String[] keys;
    private final Object[] values;
    private final int mask;
    private final int longest;

    WordTable(Map<String, T> entries) {
        // At most half full, so that misses (most words of a letter) end after a probe or two.
        int capacity = Integer.highestOneBit(Math.max(8, entries.size() * 2)) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        int maxLength = 0;
        for (Map.Entry<String, T> e : entries.entrySet()) {
            String key = LetterText.lowerCase(e.getKey());
            int i = spread(key.hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = e.getValue();
            maxLength = Math.max(maxLength, key.length());
        }
        longest = maxLength;
    }

    /** The hash {@link #get} expects: that of the word in lower case; callers compute it while finding words. */
    static int hash(int hashSoFar, char c) {
        return 31 * hashSoFar + LetterText.toLowerCase(c);
    }

    /** The value for {@code text[start, end)} in any case, or null; {@code hash} as computed by {@link #hash}. */
    @SuppressWarnings("unchecked")
    T get(String text, int start, int end, int hash) {
        if (end - start > longest) {
            return null;
        }
        for (int i = spread(hash) & mask; keys[i] != null; i = (i + 1) & mask) {
            String key = keys[i];
            if (key.hashCode() == hash && key.length() == end - start && sameLowerCase(text, start, key)) {
                return (T) values[i];
            }
        }
        return null;
    }

    private static boolean sameLowerCase(String text, int start, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (LetterText.toLowerCase(text.charAt(start + i)) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The table index uses only low bits; mix the high bits of the string hash into them. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
