package io.amends.coach.control;

/**
 * Text helpers shared by the rule parser and the coach: typographic folding, words and sentences.
 */
final class LetterText {

    private static final boolean[] ASCII_WORD = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    private LetterText() {
    }

    /**
     * Replaces typographic apostrophes, quotes, dashes and spaces with their ASCII forms, one char for one char, so
     * that rule authors write only {@code '} and offsets found in the folded text are valid in the original.
     */
    static String fold(String text) {
        char[] folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = f;
            }
        }
        return folded == null ? text : new String(folded);
    }

    private static char fold(char c) {
        if (c < 0x80) {
            return c == '`' ? '\'' : c;
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011' -> '-';
            case '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
                    '\u202F', '\u205F', '\u3000' -> ' ';
            default -> c;
        };
    }

    /**
     * Lower case char by char. Unlike {@link String#toLowerCase(java.util.Locale)} it never changes the length or
     * depends on context, so a word can be lower-cased in place inside a letter the same way.
     */
    static String lowerCase(String word) {
        char[] chars = word.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** Same notion of a word character as {@code \b} in {@link java.util.regex.Pattern}, so word starts agree. */
    static boolean isWordChar(char c) {
        if (c < 0x80) {
            // Every char of a letter passes here; the table avoids Unicode property lookups for plain ASCII.
            return ASCII_WORD[c];
        }
        return Character.isLetterOrDigit(c);
    }

    /** {@link Character#toLowerCase(char)} with a shortcut for ASCII, the bulk of most letters. */
    static char toLowerCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /** Start of the sentence containing {@code offset}, looking back at most {@code reach} characters. */
    static int sentenceStart(String text, int offset, int reach) {
        int limit = Math.max(0, offset - reach);
        for (int i = offset - 1; i >= limit; i--) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return limit;
    }

    /** End (exclusive) of the sentence containing {@code offset}, looking ahead at most {@code reach} characters. */
    static int sentenceEnd(String text, int offset, int reach) {
        int limit = Math.min(text.length(), offset + reach);
        for (int i = offset; i < limit; i++) {
            if (endsSentence(text, i)) {
                return i + 1;
            }
        }
        return limit;
    }

    /**
     * Whether the char at {@code i} ends a sentence. Deliberately simple, but a date must not be split from its
     * promise: a period after a digit ("bis 12. Dezember") or before a digit or lower-case word ("Dec. 12",
     * "e.g. by") does not end a sentence. A blank line does, because letters rarely punctuate greetings.
     */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            for (int j = i + 1; j < text.length(); j++) {
                char n = text.charAt(j);
                if (n == '\n') {
                    return true;
                }
                if (n != ' ' && n != '\t' && n != '\r') {
                    return false;
                }
            }
            return true;
        }
        if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
            return false;
        }
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        if (i > 0 && Character.isDigit(text.charAt(i - 1))) {
            return false;
        }
        for (int j = i + 1; j < text.length(); j++) {
            char n = text.charAt(j);
            if (!Character.isWhitespace(n)) {
                return !Character.isDigit(n) && !Character.isLowerCase(n);
            }
        }
        return true;
    }
}
