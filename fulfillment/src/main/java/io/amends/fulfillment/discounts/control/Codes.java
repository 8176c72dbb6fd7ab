package io.amends.fulfillment.discounts.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The format of discount codes: reading what people and storefronts type, and telling whether a code can be one we
 * issued before anything is looked up.
 *
 * <p>A code is {@value #PREFIX}, then {@value #RANDOM_SYMBOLS} random symbols and one check symbol from
 * {@link #ALPHABET}, grouped by four: {@code AMD-7KQ4-XW9P-3HTR-MJ}. The check symbol makes the weighted sum of all
 * fourteen symbol values, with weights 14, 13, ..., 1 from the left, divisible by 29. Because 29 is prime and larger
 * than any weight or any difference of two symbol values, changing one symbol changes the sum by
 * {@code weight * difference}, which 29 cannot divide; swapping two different symbols changes it by
 * {@code (difference of weights) * (difference of values)}, which 29 cannot divide either. So every single
 * substitution and every transposition (adjacent or not) is caught, which is why the alphabet has a prime size.
 */
public final class Codes {

    /** Marks an Amends code wherever it is seen; not random, so not part of the check. */
    public static final String PREFIX = "AMD";

    /**
     * The 29 symbols, in value order. Crockford's base-32 digits and letters without 0 O 1 I L (read alike), U (read
     * as V, and for Crockford's reason: accidental words) and S (read as 5). Twenty-nine and not thirty: a prime
     * makes the check symbol exact (see above).
     */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRTVWXYZ";

    /** Random symbols per code: 13 * log2(29) = 63.2 bits. */
    public static final int RANDOM_SYMBOLS = 13;

    /** Symbols per code, the check symbol included. */
    public static final int SYMBOLS = RANDOM_SYMBOLS + 1;

    /** How many equally likely codes there are, as bits: {@code RANDOM_SYMBOLS * log2(ALPHABET.length())}. */
    public static final double ENTROPY_BITS = RANDOM_SYMBOLS * Math.log(ALPHABET.length()) / Math.log(2);

    private static final int MODULUS = ALPHABET.length();
    private static final int GROUP = 4;

    /** Long enough for any sloppy rendering of a code; longer input is refused before any work is done on it. */
    private static final int MAX_INPUT = 64;

    /** Symbol value by ASCII character, -1 where there is none; typed stand-ins map to what they stand for. */
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int v = 0; v < ALPHABET.length(); v++) {
            char symbol = ALPHABET.charAt(v);
            VALUES[symbol] = v;
            VALUES[Character.toLowerCase(symbol)] = v;
        }
        // S is never printed; someone typing S read a 5. O/0, I/1/L and U are refused: each could stand for more
        // than one symbol (or none), and the check would then accept a guess for the person.
        VALUES['S'] = VALUES['5'];
        VALUES['s'] = VALUES['5'];
    }

    private Codes() {
    }

    /**
     * The canonical form of a typed code, or empty if it cannot be a code we issued: wrong characters, wrong length,
     * wrong prefix, or a check symbol that does not match. Empty means "unknown code" without asking the database.
     *
     * <p>Accepted: any case; spaces and dashes of any kind, anywhere, or none; full-width characters; the prefix
     * left out; {@code S} for {@code 5}.
     */
    public static Optional<String> normalize(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(input, Normalizer.Form.NFKC);
        StringBuilder symbols = new StringBuilder(PREFIX.length() + SYMBOLS);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            if (c >= VALUES.length || VALUES[c] < 0) {
                return Optional.empty();
            }
            symbols.append(ALPHABET.charAt(VALUES[c]));
        }
        if (symbols.length() == PREFIX.length() + SYMBOLS && symbols.indexOf(PREFIX) == 0) {
            symbols.delete(0, PREFIX.length());
        }
        if (symbols.length() != SYMBOLS || !checks(symbols)) {
            return Optional.empty();
        }
        return Optional.of(format(symbols));
    }

    /**
     * Whether {@code code} is exactly the canonical form of a code with a matching check symbol, as issued and as
     * {@link #normalize} returns it. For typed input use {@link #normalize}.
     */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() > MAX_INPUT || !code.startsWith(PREFIX + "-")) {
            return false;
        }
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (int i = PREFIX.length(); i < code.length(); i++) {
            char c = code.charAt(i);
            if (c != '-') {
                symbols.append(c);
            }
        }
        return symbols.length() == SYMBOLS
                && symbols.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                && checks(symbols)
                && format(symbols).equals(code);
    }

    /** The check symbol for {@value #RANDOM_SYMBOLS} random symbols, making the weighted sum divisible by 29. */
    static char checkSymbol(CharSequence randomSymbols) {
        if (randomSymbols.length() != RANDOM_SYMBOLS) {
            throw new IllegalArgumentException("Expected " + RANDOM_SYMBOLS + " symbols: " + randomSymbols);
        }
        // The check symbol's weight is 1, so its value is simply what brings the sum to a multiple of 29.
        return ALPHABET.charAt(Math.floorMod(-weightedSum(randomSymbols), MODULUS));
    }

    /** {@code AMD-XXXX-XXXX-XXXX-XX} from the fourteen symbols. */
    static String format(CharSequence symbols) {
        StringBuilder out = new StringBuilder(PREFIX);
        for (int i = 0; i < symbols.length(); i++) {
            if (i % GROUP == 0) {
                out.append('-');
            }
            out.append(symbols.charAt(i));
        }
        return out.toString();
    }

    private static boolean checks(CharSequence symbols) {
        return Math.floorMod(weightedSum(symbols), MODULUS) == 0;
    }

    /** Sum of value times weight, the weights counting down from 14 at the first symbol. */
    private static int weightedSum(CharSequence symbols) {
        int sum = 0;
        int weight = SYMBOLS;
        for (int i = 0; i < symbols.length(); i++) {
            sum += ALPHABET.indexOf(symbols.charAt(i)) * weight--;
        }
        return sum;
    }

    /**
     * Whatever a person, a form or a copy from a web page puts between groups: any whitespace, any dash, and
     * invisible formatting characters such as soft hyphens and zero-width spaces.
     */
    private static boolean isSeparator(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u2212' // minus sign
                || type == Character.DASH_PUNCTUATION || type == Character.FORMAT;
    }
}
