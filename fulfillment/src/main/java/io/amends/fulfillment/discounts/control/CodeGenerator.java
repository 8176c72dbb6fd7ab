package io.amends.fulfillment.discounts.control;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Issues new discount codes that cannot be guessed: {@value Codes#RANDOM_SYMBOLS} symbols drawn uniformly by a
 * {@link SecureRandom} (about 63 bits), plus the check symbol (see {@link Codes}).
 *
 * <p>Thread-safe: {@code SecureRandom} is. Uniqueness is not promised here but by the database's unique constraint;
 * at 63 bits a collision needs billions of codes, and retrying on the constraint violation is enough.
 */
public final class CodeGenerator {

    private final SecureRandom random;

    /**
     * Uses the platform's default {@code SecureRandom}, which on Linux reads {@code /dev/urandom} and does not block.
     * {@code SecureRandom.getInstanceStrong()} could block on an entropy-starved server for no gain here.
     */
    public CodeGenerator() {
        this(new SecureRandom());
    }

    public CodeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new code in canonical form, e.g. {@code AMD-7KQ4-XW9P-3HTR-MJ}. */
    public String next() {
        StringBuilder symbols = new StringBuilder(Codes.SYMBOLS);
        for (int i = 0; i < Codes.RANDOM_SYMBOLS; i++) {
            // nextInt(bound) rejects and redraws rather than taking a remainder, so every symbol is equally likely.
            symbols.append(Codes.ALPHABET.charAt(random.nextInt(Codes.ALPHABET.length())));
        }
        symbols.append(Codes.checkSymbol(symbols));
        return Codes.format(symbols);
    }
}
